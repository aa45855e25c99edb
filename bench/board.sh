#!/usr/bin/env bash
# Issue 18's board benchmark: a pipeline with N open orders (default 10,000) and 4×N closed long ago; the board's read
# and the whole page (GET /board as a signed-in supervisor) p50/p95, target first paint ≤ 300 ms server time.
# Figures go to bench/results/board-*.md.
# Usage: bench/board.sh [open orders]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test -Dtest=BoardBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.orders="${1:-10000}" 2>&1 \
  | grep -E '^\||generated|ERROR|FAIL|Exception' || true
