#!/usr/bin/env bash
# Requests per second of the secrets REST API against a cheap authenticated endpoint of the same running Gantry,
# same token, same concurrency, same run (see docs/benchmarks.md). Starts the packaged jar (extracted, as in
# production) on an empty data directory with the audit trail on, issues one API token, runs the load driver.
# Usage: bench/rest-throughput.sh [secrets] [concurrency] [seconds-per-phase] [rounds] [warm-up rounds]
#        JFR=1 bench/rest-throughput.sh ...   also records a flight recording of the server (path printed)
#        SERVER_ARGS='--gantry.audit.group-commit.committers=1' bench/rest-throughput.sh ...   extra server settings
set -euo pipefail
cd "$(dirname "$0")/.."
secrets="${1:-1000}"; concurrency="${2:-8}"; seconds="${3:-10}"; rounds="${4:-3}"; warmups="${5:-2}"
jar=platform-web/target/gantry.jar
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n1)
fi
export JAVA_HOME
java="$JAVA_HOME/bin/java"
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package -pl platform-web -am
port="${PORT_FOR_BENCH:-18081}"
work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill "$server"; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$java" -Djarmode=tools -jar "$jar" extract --destination "$work/app" > /dev/null
jfr=()
if [ "${JFR:-0}" = 1 ]; then
  jfr=("-XX:StartFlightRecording=filename=$PWD/rest-throughput.jfr,settings=profile")
  echo "flight recording: $PWD/rest-throughput.jfr"
fi
echo "load before start: $(uptime)"
GANTRY_ADMIN_PASSWORD='bench-Start-Passw0rd-17' "$java" "${jfr[@]}" -Xmx1g -Dbench.token-file="$work/token" \
    -cp "$work/app/gantry.jar:$work/app/lib/*" bench/rest/GantryWithBenchCaller.java \
    --server.port="$port" --gantry.data-dir="$work/data" --logging.level.root=warn ${SERVER_ARGS:-} \
    > "$work/server.log" 2>&1 &
server=$!
until grep -q '^READY' "$work/server.log" 2>/dev/null; do
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; echo "Gantry exited" >&2; exit 1; }
  sleep 0.5
done
"$java" -Xmx512m -Dbench.server-pid="$server" bench/rest/RestThroughput.java "http://127.0.0.1:$port" "$work/token" "$secrets" \
    "$concurrency" "$seconds" "$rounds" "$warmups"
echo "load after run: $(uptime)"
audited=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health")
echo "server health after run: HTTP $audited"
