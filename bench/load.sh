#!/usr/bin/env bash
# Issue 20's load test: the whole app under a shop's traffic (bench/load/load.js, autocannon from npm, pinned): builds
# the jar, starts a fresh Kontor with its own embedded PostgreSQL in a temporary folder and a bounded heap, creates
# 1,000 orders, then 50 connections for N seconds (default 600): 70 % reads, 20 % order creation, 10 % approvals and
# payments. Reports per request type, errors, the JVM's and PostgreSQL's RSS and lock waits over 1 s.
# Usage: bench/load.sh [seconds]. JVM options: KONTOR_JAVA_OPTS (default: README's, set in bench/start.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
port=18098
pg_port=15498
password=load-admin-password
(cd bench/load && npm ci --silent --no-audit --no-fund)
# shellcheck source=bench/start.sh
source bench/start.sh
start_kontor $port $pg_port $password
echo "health UP after $(( ($(date +%s%N) - started) / 1000000 )) ms (cold: a fresh database, migrations included)"
token=$(curl -fsS -u "admin:$password" -H 'Content-Type: application/json' -d '{"name":"load"}' \
  "http://localhost:$port/api/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
mkdir -p bench/results
node bench/load/load.js --url "http://localhost:$port" --token "$token" --seconds "$seconds" --jvm-pid "$pid" \
  --pg-port "$pg_port" | tee "bench/results/load-$(date +%Y%m%d-%H%M%S).md"
