#!/usr/bin/env bash
# Start-up of the packaged Gantry: seconds from `java -jar` to /actuator/health UP, and resident memory (RSS) once
# ready, on an empty data directory (first start: migrations run) and again on the same one (a restart).
# Usage: bench/startup.sh [rounds]   (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
jar=platform-web/target/gantry.jar
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n1)
fi
export JAVA_HOME
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
port=18080

measure() { # $1 = data dir; prints "seconds rss_mib"
  local data="$1" start pid rss
  start=$(date +%s.%N)
  GANTRY_ADMIN_PASSWORD='bench-Start-Passw0rd-17' "$JAVA_HOME/bin/java" -jar "$jar" --server.port=$port \
      --gantry.data-dir="$data" > "$data.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "Gantry exited; see $data.log" >&2; exit 1; }
    sleep 0.1
  done
  local ready
  ready=$(echo "$(date +%s.%N) - $start" | bc)
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf '%.1f %s\n' "$ready" "$rss"
}

echo "round  first-start(s)  RSS(MiB)  restart(s)  RSS(MiB)"
for i in $(seq 1 "$rounds"); do
  data=$(mktemp -d)/data
  mkdir -p "$data"
  read -r first first_rss < <(measure "$data")
  read -r again again_rss < <(measure "$data")
  printf '%5d  %14s  %8s  %10s  %8s\n' "$i" "$first" "$first_rss" "$again" "$again_rss"
  rm -rf "$(dirname "$data")"
done
