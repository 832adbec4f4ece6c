#!/usr/bin/env bash
# Drive-log parse benchmark: generates a multi-vehicle CSV (default 1 GiB) and reads it with
# TripReader, reporting throughput (MB/s, points/s), the largest heap after GC (from the GC log)
# and the process's maximum resident set (/usr/bin/time -v). Results go in docs/BENCHMARKS.md.
#   bench/parse-logs.sh [BYTES] [XMX] [FORMAT]   e.g. bench/parse-logs.sh 1073741824 256m csv
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bytes="${1:-1073741824}"
xmx="${2:-1g}"
format="${3:-csv}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
out="$repo/target/bench"
mkdir -p "$out"
cd "$repo"

./mvnw -q -B -o test-compile -Dnative.skip
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test >/dev/null
cp="$repo/target/test-classes:$repo/target/classes:$(cat "$out/classpath.txt")"

data="$out/fleet-$bytes.$format"
if [ ! -f "$data" ] || [ "$(stat -c %s "$data")" -lt "$bytes" ]; then
  "$java" -cp "$cp" dev.drivelog.logs.ParseBenchmark generate "$data" "$bytes" "$format"
fi

gclog="$out/parse-gc-$format-$xmx.log"
/usr/bin/time -v -o "$out/parse-time-$format-$xmx.txt" \
  "$java" -Xmx"$xmx" -XX:+UseG1GC -Xlog:gc:file="$gclog" -cp "$cp" dev.drivelog.logs.ParseBenchmark parse "$data"

# G1 lines look like: "... Pause Young (Normal) (G1 Evacuation Pause) 120M->14M(256M) 3.1ms"
max_after=$(grep -oE '[0-9]+M->[0-9]+M' "$gclog" | sed -E 's/.*->([0-9]+)M/\1/' | sort -n | tail -1)
gcs=$(grep -cE 'Pause (Young|Full|Remark)' "$gclog" || true)
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/parse-time-$format-$xmx.txt")
echo "heap: -Xmx$xmx, largest heap after GC ${max_after:-?} MB over $gcs GC pauses; max RSS $((rss / 1024)) MB"
