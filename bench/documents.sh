#!/usr/bin/env bash
# Issue 17's document benchmark: N orders (default 10,000) invoiced through the bulk job (number, content, PDF
# rendered with openhtmltopdf and stored, timeline), then 1,000 of them printed as one PDF. Figures go to
# bench/results/documents-*.md. BENCH_HEAP (e.g. 512m) limits the JVM's heap.
# Usage: [BENCH_HEAP=512m] bench/documents.sh [orders]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dtest=DocumentBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.orders="${1:-10000}" \
  ${BENCH_HEAP:+-Dbench.jvm=-Xmx$BENCH_HEAP} 2>&1 | grep -E '^\||ERROR|FAIL|Exception' || true
