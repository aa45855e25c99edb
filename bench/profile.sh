#!/usr/bin/env bash
# Where an order's time goes in the JVM (issue 20): Kontor under create+approve at concurrency 8, warmed up for 180 s,
# then N seconds recorded by Java Flight Recorder: the run's CPU per order, the recording broken down by layer
# (bench/JfrBreakdown.java), then its hot methods, allocations, lock waits and collections (`jfr view`, from a
# JDK 21+ when one is installed: KONTOR_JFR_JDK, default the Temurin 25 of this machine).
# Usage: bench/profile.sh [seconds, default 30]. The recording stays in bench/results/kontor-*.jfr (JDK Mission
# Control opens it).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
port=18098
pg_port=15498
password=bench-admin-password
mkdir -p bench/results
recording="$PWD/bench/results/kontor-$(date +%Y%m%d-%H%M%S).jfr"
# shellcheck source=bench/start.sh
source bench/start.sh
start_kontor $port $pg_port $password
# warm up (JIT, pools, caches) unrecorded for three minutes — the JIT still compiles after a minute and a half — then
# record the measured run only
java bench/OrderBench.java --url "http://localhost:$port" --user admin --password "$password" \
  --seconds 180 --warmup 0 --kontor-pid "$pid" --only "create+approve@8" > /dev/null
jcmd $pid JFR.start name=bench settings=profile > /dev/null
java bench/OrderBench.java --url "http://localhost:$port" --user admin --password "$password" \
  --seconds "$seconds" --warmup 0 --kontor-pid "$pid" --only "create+approve@8"
jcmd $pid JFR.stop name=bench filename="$recording" > /dev/null
java bench/JfrBreakdown.java "$recording"
jdk=${KONTOR_JFR_JDK:-$(ls -d /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/*-2[1-9]-* 2>/dev/null | head -1)}
if [ -n "$jdk" ] && [ -x "$jdk/bin/jfr" ]; then
  for view in hot-methods allocation-by-class contention-by-site gc; do
    "$jdk/bin/jfr" view --width 160 "$view" "$recording" || true
  done
else
  echo "No JDK 21+ for 'jfr view'; open $recording in JDK Mission Control."
fi
echo "Recording: $recording"
