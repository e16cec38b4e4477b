#!/usr/bin/env bash
# Backup and restore throughput of platform-recovery (tree -> zstd -3 -> AES-256-GCM -> signed archive) against
# `tar | zstd -3` on the same generated tree (60% log-like text, 40% random binary).
# Usage: bench/backup-throughput.sh [MiB] [rounds]   (needs the zstd CLI: apt-get install zstd)
set -euo pipefail
cd "$(dirname "$0")/.."
mib="${1:-200}"
rounds="${2:-4}"
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n1)
fi
export JAVA_HOME
command -v zstd >/dev/null || { echo "zstd CLI missing: apt-get install zstd" >&2; exit 1; }
[ -d platform-recovery/target/classes/dev ] || ./mvnw -q -B -pl platform-recovery -am package -DskipTests
zstd_jar=$(./mvnw -q -B -o -pl platform-recovery dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeArtifactIds=zstd-jni)
java=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "platform-recovery/target/classes:$zstd_jar" bench/BackupThroughput.java)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"${java[@]}" generate "$work/tree" "$mib"
bytes=$(du -sb "$work/tree" | cut -f1)
rate() { echo "scale=1; $bytes / 1048576 / $1" | bc; }

echo "data: $(echo "scale=1; $bytes / 1048576" | bc) MiB"
mib_of() { echo "scale=1; $1 / 1048576" | bc; }
echo "Gantry (one JVM; round 1 is a cold start, later rounds a warm server):"
echo "round  backup(MiB/s)  restore(MiB/s)  archive(MiB)"
"${java[@]}" run "$work/tree" "$work/gantry" "$rounds" | while read -r round backup restore size; do
  printf '%5d  %13s  %14s  %12s\n' "$round" "$(rate "$backup")" "$(rate "$restore")" "$(mib_of "$size")"
  rm -rf "$work/gantry/restored-$round"
done
echo "tar | zstd -3 -T1, and zstd -d | tar:"
echo "round  backup(MiB/s)  restore(MiB/s)  archive(MiB)"
for i in $(seq 1 "$rounds"); do
  start=$(date +%s.%N)
  tar -cf - -C "$work/tree" . | zstd -3 -q -T1 -o "$work/t$i.tar.zst"
  tz=$(echo "$(date +%s.%N) - $start" | bc)
  mkdir -p "$work/untar-$i"
  start=$(date +%s.%N)
  zstd -d -q -c "$work/t$i.tar.zst" | tar -xf - -C "$work/untar-$i"
  uz=$(echo "$(date +%s.%N) - $start" | bc)
  printf '%5d  %13s  %14s  %12s\n' "$i" "$(rate "$tz")" "$(rate "$uz")" "$(mib_of "$(stat -c %s "$work/t$i.tar.zst")")"
  rm -rf "$work/untar-$i" "$work/t$i.tar.zst"
done
