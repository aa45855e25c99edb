#!/usr/bin/env bash
# Runs Kontor's benchmarks on demand (never part of ./mvnw verify): builds the jar, starts a fresh Kontor
# with its own embedded PostgreSQL in a temporary folder, measures the API, runs pgbench on the same
# PostgreSQL, stops Kontor. Usage: bench/run.sh [seconds per run, default 20]; BENCH_WARMUP=seconds (default 60)
# runs the scenarios unmeasured first, so that the JIT has compiled Kontor before anything is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
port=18099
pg_port=15499
work=$(mktemp -d -t kontor-bench.XXXXXX)
password=bench-admin-password
./mvnw -q -B package -DskipTests
jar=$(ls target/kontor-*.jar | grep -v original | head -1)
# KONTOR_JAVA (another JVM, e.g. a JDK 25's bin/java), KONTOR_JAVA_OPTS and KONTOR_ARGS (more settings) for experiments
# shellcheck disable=SC2086
KONTOR_ADMIN_PASSWORD=$password ${KONTOR_JAVA:-java} ${KONTOR_JAVA_OPTS:-} -jar "$jar" --server.port=$port --kontor.embedded-db.port=$pg_port \
  --kontor.embedded-db.data-dir="$work/postgres" --kontor.demo.enabled=false --logging.level.root=WARN \
  --kontor.embedded-db.settings.shared_preload_libraries=pg_stat_statements ${KONTOR_ARGS:-} \
  > "$work/kontor.log" 2>&1 &
pid=$!
# The trap keeps the script's own exit status: `wait` on the killed server answers 143, which under `set -e` used to
# end the trap before the temporary folder (about 0.6 GB with the database) was removed, and the run with it.
trap 'status=$?; kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"; exit $status' EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
mkdir -p bench/results
java bench/OrderBench.java --url "http://localhost:$port" --user admin --password "$password" \
  --seconds "$seconds" --warmup "${BENCH_WARMUP:-60}" --pg-port "$pg_port" --kontor-pid "$pid" --json bench/results/orders.jsonl \
  | tee "bench/results/orders-$(date +%Y%m%d-%H%M%S).md"
# what got slower since the run before (exit status 0 either way: it is read, not enforced, on a shared VM)
java bench/CompareRuns.java bench/results/orders.jsonl || true
