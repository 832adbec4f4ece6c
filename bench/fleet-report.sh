#!/usr/bin/env bash
# Fleet page benchmark: build time, page size and load time in headless chromium for results of
# 1k, 10k and 100k findings (FleetPageLoadBenchmark). Needs a packaged build (./mvnw package) and
# Debian's chromium + chromedriver. Results go in docs/BENCHMARKS.md ("Fleet page").
#   bench/fleet-report.sh [FINDINGS...]
set -euo pipefail
[ $# -gt 0 ] || set -- 1000 10000 100000
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out="$repo/target/bench/fleet-report"
mkdir -p "$out"
cd "$repo"
./mvnw -q -B -o test-compile -Dnative.skip
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test >/dev/null
cp="$repo/target/test-classes:$repo/target/classes:$(cat "$out/classpath.txt")"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Ddrivelog.repo.dir="$repo" \
  -Ddrivelog.native.dir="$repo/target/native" -cp "$cp" dev.drivelog.report.FleetPageLoadBenchmark "$out" "$@"
