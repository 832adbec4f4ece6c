#!/usr/bin/env bash
# Runs a benchmark class of the test class path (after a packaged build, ./mvnw package) with the
# native library, and the repository and an output directory under target/bench/ as its first argument.
#   bench/test-main.sh CLASS OUT_NAME [ARGS...]
set -euo pipefail
class=$1 name=$2
shift 2
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out="$repo/target/bench/$name"
mkdir -p "$out"
cd "$repo"
./mvnw -q -B -o test-compile -Dnative.skip
./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=test >/dev/null
cp="$repo/target/test-classes:$repo/target/classes:$(cat "$out/classpath.txt")"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Ddrivelog.repo.dir="$repo" \
  -Ddrivelog.native.dir="$repo/target/native" -cp "$cp" "$class" "$out" "$@"
