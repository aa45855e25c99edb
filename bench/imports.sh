#!/usr/bin/env bash
# Issue 15's import benchmark: a generated Taobao pair of N orders (default 100,000) with 3 items each, staged and
# (a slice of BENCH_COMMIT orders, default 20,000) committed, against PostgreSQL's COPY of the same rows in the same
# run. Figures go to bench/results/imports-*.md.
# The files are generated to disk and uploaded as streams; BENCH_HEAP (e.g. 512m) limits the JVM's heap.
# Usage: [BENCH_COMMIT=20000] [BENCH_HEAP=512m] bench/imports.sh [orders]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dtest=ImportBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.orders="${1:-100000}" \
  -Dbench.commit="${BENCH_COMMIT:-20000}" ${BENCH_HEAP:+-Dbench.jvm=-Xmx$BENCH_HEAP} 2>&1 | grep -E '^\||ERROR|FAIL|Exception|rows read' || true
