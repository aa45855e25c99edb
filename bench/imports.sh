#!/usr/bin/env bash
# Issue 15's import benchmark: a generated Taobao pair of N orders (default 100,000) with 3 items each, staged and
# (a slice of BENCH_COMMIT orders, default 20,000) committed, against PostgreSQL's COPY of the same rows in the same
# run. Figures go to bench/results/imports-*.md.
# Usage: [BENCH_COMMIT=20000] bench/imports.sh [orders]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dtest=ImportBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.orders="${1:-100000}" \
  -Dbench.commit="${BENCH_COMMIT:-20000}" 2>&1 | grep -E '^\||ERROR|FAIL|Exception|rows read' || true
