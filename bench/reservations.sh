#!/usr/bin/env bash
# Reservations per second (issue 5): 16 threads on one hot variant and on 1,000 variants, through
# Reservations.reserve on a durable embedded PostgreSQL (fsync on) in a temporary folder.
# Usage: bench/reservations.sh [seconds per scenario, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf "${TMPDIR:-/tmp}/kontor-reservation-bench"
trap 'rm -rf "${TMPDIR:-/tmp}/kontor-reservation-bench"' EXIT
./mvnw -q -B test -Dtest=ReservationBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.seconds="${1:-15}" 2>&1 \
  | grep -E '^\||ERROR|FAIL' || true
