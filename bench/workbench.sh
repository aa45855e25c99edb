#!/usr/bin/env bash
# Issue 8's scale benchmark: task views and each search key at N orders (default 1,000,000) with 3 lines each.
# The data is generated once into a durable embedded PostgreSQL in a temporary folder and kept for reruns
# (delete ${TMPDIR:-/tmp}/kontor-workbench-bench to start over). Figures go to bench/results/workbench-*.md.
# Usage: [BENCH_STOCK=true] bench/workbench.sh [orders]   (BENCH_STOCK: also bulk-approve with lines reserving stock)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dtest=WorkbenchBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.orders="${1:-1000000}" -Dbench.stock="${BENCH_STOCK:-0}" 2>&1 \
  | grep -E '^\||generated|bulk approve|ERROR|FAIL' || true
