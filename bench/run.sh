#!/usr/bin/env bash
# Runs Kontor's benchmarks on demand (never part of ./mvnw verify): builds the jar, starts a fresh Kontor
# with its own embedded PostgreSQL in a temporary folder, measures the API, runs pgbench on the same
# PostgreSQL, stops Kontor. Usage: bench/run.sh [seconds per run, default 20]; BENCH_WARMUP=seconds (default 180)
# runs the scenarios unmeasured first, so that the JIT has compiled Kontor before anything is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
port=18099
pg_port=15499
password=bench-admin-password
# shellcheck source=bench/start.sh
source bench/start.sh
start_kontor $port $pg_port $password --kontor.embedded-db.settings.shared_preload_libraries=pg_stat_statements
mkdir -p bench/results
java bench/OrderBench.java --url "http://localhost:$port" --user admin --password "$password" \
  --seconds "$seconds" --warmup "${BENCH_WARMUP:-180}" --pg-port "$pg_port" --kontor-pid "$pid" --json bench/results/orders.jsonl \
  | tee "bench/results/orders-$(date +%Y%m%d-%H%M%S).md"
# what got slower since the run before (exit status 0 either way: it is read, not enforced, on a shared VM)
java bench/CompareRuns.java bench/results/orders.jsonl || true
