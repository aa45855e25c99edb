#!/usr/bin/env bash
# Issue 19's relay benchmark: order events out of one Kontor instance as webhook deliveries (1 and 8 subscriptions,
# a receiver on this machine) and to Kafka (an embedded broker), events/s and CPU per delivery.
# Figures go to bench/results/events-*.md. Usage: bench/events.sh [orders, default 3000]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dtest=EventRelayBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.orders="${1:-3000}" 2>&1 \
  | grep -E '^\||Event relay|ERROR|FAIL|Exception' || true
