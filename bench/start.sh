# Sourced by bench/run.sh, profile.sh and load.sh: builds the jar (unless KONTOR_JAR names one) and starts a fresh
# Kontor, demo off, on its own embedded PostgreSQL in a temporary folder; both are stopped and the folder (about
# 0.6 GB after a run) removed when the calling script exits, whatever its status.
#   start_kontor PORT PG_PORT PASSWORD [more Kontor settings…]
# sets pid (the JVM's), work (the folder), jar and started (nanoseconds, before `java`), and returns once health is
# UP. KONTOR_JAVA (another JVM, e.g. a JDK 25's bin/java), KONTOR_JAVA_OPTS and KONTOR_ARGS (more settings) are for
# experiments; KONTOR_JAVA_OPTS defaults to the JVM settings README documents for production.
DOCUMENTED_JAVA_OPTS="-XX:+UseParallelGC -Xms256m -Xmx320m -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=96m -Xss512k"
start_kontor() {
  local port=$1 pg_port=$2 password=$3
  shift 3
  work=$(mktemp -d -t kontor-bench.XXXXXX)
  [ -n "${KONTOR_JAR:-}" ] || ./mvnw -q -B package -DskipTests
  jar=${KONTOR_JAR:-$(ls target/kontor-*.jar | grep -v original | head -1)}
  started=$(date +%s%N)
  # shellcheck disable=SC2086
  KONTOR_ADMIN_PASSWORD=$password ${KONTOR_JAVA:-java} ${KONTOR_JAVA_OPTS-$DOCUMENTED_JAVA_OPTS} -jar "$jar" --server.port="$port" \
    --kontor.embedded-db.port="$pg_port" --kontor.embedded-db.data-dir="$work/postgres" --kontor.demo.enabled=false \
    --logging.level.root=WARN "$@" ${KONTOR_ARGS:-} > "$work/kontor.log" 2>&1 &
  pid=$!
  # The trap keeps the script's own exit status: `wait` on the killed server answers 143, which under `set -e` used to
  # end the trap before the temporary folder was removed, and the run with it.
  trap 'status=$?; kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"; exit $status' EXIT
  for _ in $(seq 1 600); do
    curl -fsS "http://localhost:$port/actuator/health" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "Kontor did not become healthy in 120 s; the end of its log:" >&2
  tail -n 40 "$work/kontor.log" >&2
  return 1
}
