#!/usr/bin/env bash
# Achieved RTO of real restore drills (RestoreDrills: restore into a new scratch target, validate, remove it), next
# to the plain restore of the same data without Gantry in the same round:
#   tree      the generated data set (see recovery-1gib.sh); checks every file's SHA-256 by reading it back;
#             baseline `zstd -d | tar -x`
#   postgres  a scratch database the script creates on 127.0.0.1:5432 and drops at the end, dumped with pg_dump -Fc;
#             checks row counts and a count query; baselines `pg_restore` of a -Fc dump and `psql` of a plain dump
#   h2        Gantry's own H2 database grown by a table; checks row counts and a count query; baseline RUNSCRIPT
#
# Usage: bench/drill-rto.sh [DATA_DIR] [ROUNDS] [MIB] [PG_MIB] [H2_MIB]
#   DATA_DIR  the tree's data set, generated once and reused (default: $TMPDIR/gantry-bench-data-<MIB>)
#   ROUNDS    drills of each kind (default 3); MIB: tree size (default 1024)
#   PG_MIB    approximate size of the PostgreSQL table (default 150; 0 skips the drill)
#   H2_MIB    approximate size of the H2 table as a script (default 150; 0 skips the drill)
# Needs zstd, tar, psql, pg_dump and pg_restore, and PostgreSQL on 127.0.0.1:5432 trusting user postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
mib="${3:-1024}"
data="${1:-${TMPDIR:-/tmp}/gantry-bench-data-$mib}"
rounds="${2:-3}"
pg="${4:-150}"
h2="${5:-150}"
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n1)
fi
export JAVA_HOME
jar=platform-bench/target/benchmarks.jar
if [ ! -f "$jar" ] || [ -n "$(find platform-recovery/src platform-bench/src -newer "$jar" -type f | head -n1)" ]; then
  rm -f "$jar" platform-bench/target/original-benchmarks.jar
  ./mvnw -q -B -Pbench -pl platform-bench -am package -DskipTests
fi
mkdir -p "$data"
work=$(mktemp -d "$(dirname "$data")/gantry-drill-work.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), zstd $(zstd -V | grep -o 'v[0-9.]*'), $(psql --version)"
echo "start:   $(uptime)"
"$JAVA_HOME/bin/java" -Xmx512m --enable-native-access=ALL-UNNAMED -cp "$jar" \
  dev.gantry.bench.DrillRto "$data" "$work" "$rounds" "$mib" "$pg" "$h2"
echo "end:     $(uptime)"
