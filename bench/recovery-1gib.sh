#!/usr/bin/env bash
# Backup and restore throughput of platform-recovery on a generated data set of at least 1 GiB (SQL dump text,
# random and structured binary), as ratios to `tar -c | zstd -3` and `zstd -d | tar -x` on the same data in the
# same round, with the peak heap of each Gantry phase.
#
# Usage: bench/recovery-1gib.sh [DATA_DIR] [ROUNDS] [MIB] [HEAP]
#   DATA_DIR  where the data set is generated once and reused (default: $TMPDIR/gantry-bench-data-<MIB>)
#   ROUNDS    rounds in one JVM; round 1 is reported but left out of the medians when ROUNDS >= 3 (default 5)
#   MIB       data set size in MiB (default 1024)
#   HEAP      -Xmx of the benchmark JVM (default 64m: a backup holds a few chunk buffers, not the data)
# Needs the zstd and tar commands. Archives and restores go to a temporary directory beside DATA_DIR, which needs
# about 1.2 times the data set's size free.
set -euo pipefail
cd "$(dirname "$0")/.."
mib="${3:-1024}"
data="${1:-${TMPDIR:-/tmp}/gantry-bench-data-$mib}"
rounds="${2:-5}"
heap="${4:-64m}"
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n1)
fi
export JAVA_HOME
command -v zstd >/dev/null || { echo "zstd CLI missing: apt-get install zstd" >&2; exit 1; }
jar=platform-bench/target/benchmarks.jar
if [ ! -f "$jar" ] || [ -n "$(find platform-recovery/src platform-bench/src -newer "$jar" -type f | head -n1)" ]; then
  # The jar plugin keeps an up-to-date-looking jar, and shading into it keeps the classes it already holds.
  rm -f "$jar" platform-bench/target/original-benchmarks.jar
  ./mvnw -q -B -Pbench -pl platform-bench -am package -DskipTests
fi
mkdir -p "$data"
work=$(mktemp -d "$(dirname "$data")/gantry-bench-work.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), zstd $(zstd -V | grep -o 'v[0-9.]*')"
echo "start:   $(uptime)"
"$JAVA_HOME/bin/java" -Xmx"$heap" --enable-native-access=ALL-UNNAMED -cp "$jar" \
  dev.gantry.bench.RecoveryThroughput "$data" "$work" "$rounds" "$mib"
echo "end:     $(uptime)"
