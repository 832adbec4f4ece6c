#!/usr/bin/env bash
# One S3 object through the Lambda handler against the engine alone: points per CPU-second of the real
# handler (SqsBatchHandler built from the environment, one SQS-style event per object: HEAD, manifest
# check, GET, reading, the engine over FFM, result files streamed to S3, the manifest's commit) next to
# the native engine's own figure on the same trips (docs/BENCHMARKS.md, "One S3 object through the
# Lambda handler").
#   bench/handler-e2e.sh [FLEET_TRIPS]        default 1000
# Inputs: the fleet files of bench/analyze-e2e.sh (bench/e2e-inputs.sh, under ${E2E_DIR:-target/bench-e2e}).
# The S3 server (S3Proxy, in memory) runs in a JVM of its own on 127.0.0.1, so that the handler's JVM
# measures only itself; the handler's JVM has the image's options (bootstrap: Serial GC, C1 with the JIT
# directives, the heap of a 3008 MB function; no AOT cache, which is the image's) and config defaults
# but one trip at a time per input (analysis.binding.threads, HANDLER_E2E_THREADS, default 1, as the
# engine's --threads 1). Each fleet file is uploaded HANDLER_E2E_COPIES times (default 3) under keys of
# its own, and each copy given to the handler in an event of its own, in one JVM per --matched mode:
# CPU = the process's user + system time around each invocation (dev.drivelog.lambda.HandlerEndToEndBenchmark).
# The first copy of each file pays for warm-up; "steady" is the median of the later copies.
# HANDLER_E2E_BUILDS: the builds' main classes to measure, one after the other per mode, as space-separated
# LABEL=DIR (e.g. "main=/tmp/classes-main branch=target/classes"; default this=target/classes); the test
# classes, libraries and native library are this tree's.
# HANDLER_E2E_SAME_BYTES=1: the server keeps its objects in files, and each build's result files (all
# but the manifests, which carry the time) are compared with the first build's (diff -r).
# Env: E2E_FORMATS (default "csv jsonl gpx nmea"), E2E_MATCHED (default "no yes"), HANDLER_E2E_JAVA_OPTS
# extra options of the handler's JVM. Prints one JSON line per invocation and a table at the end; the
# load average first and last.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/target/native/bin"
dir="${E2E_DIR:-$root/target/bench-e2e}"
fleet_trips="${1:-1000}"
formats="${E2E_FORMATS:-csv jsonl gpx nmea}"
matched_modes="${E2E_MATCHED:-no yes}"
copies="${HANDLER_E2E_COPIES:-3}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
source "$root/bench/town.sh"
source "$root/bench/e2e-inputs.sh"
require_tools bench/handler-e2e.sh "$bin" drivelog-synth drivelog-map drivelog-simulate drivelog-analyze
[ -f "$root/target/test-classes/dev/drivelog/lambda/HandlerEndToEndBenchmark.class" ] || {
  echo "bench/handler-e2e.sh: the test classes are missing; run ./mvnw -B -o test-compile" >&2; exit 1; }

map="$(town_map "$dir" "$bin")"
inputs="$(e2e_inputs "$dir" "$bin" "$map" "$fleet_trips" 50)"
work="$dir/handler-work"
rm -rf "$work"
mkdir -p "$work"
read -r -a builds <<< "${HANDLER_E2E_BUILDS:-this=$root/target/classes}"

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "{\"load_average_start\":\"$(load)\",\"nproc\":$(nproc)}"
stat_field() { sed -n "s/.*\"$2\":\([0-9.]*\).*/\1/p" "$1" | tail -1; }

table=()
for m in $matched_modes; do
  flag=()
  [ "$m" = yes ] && flag=(--matched)
  # The engine alone on the simulator's CSVs of the same trips.
  "$bin/drivelog-analyze" --map "$map" --threads 1 --stats "${flag[@]}" --out "$work/engine-$m.d" \
    "$inputs"/fleet-sim/*.csv > /dev/null 2> "$work/engine-$m.err"
  engine_pps="$(stat_field "$work/engine-$m.err" points_per_cpu_second)"
  echo "{\"what\":\"engine\",\"matched\":\"$m\",\"points\":$(stat_field "$work/engine-$m.err" points),\"engine_points_per_cpu_second\":$engine_pps}"

  for labelled_build in "${builds[@]}"; do
    build="${labelled_build%%=*}"
    classes="${labelled_build#*=}:$root/target/test-classes:$root/target/lib/*"
    # A fresh server per run: the objects and results of one run do not sit in the next one's heap.
    out="$work/handler-$build-$m"
    blobs=()
    [ "${HANDLER_E2E_SAME_BYTES:-0}" = 1 ] && blobs=("$out.blobs")
    coproc server { exec "$java" -Xmx4g -XX:+UseParallelGC -cp "$classes:$root/target/lib-demo/*" dev.drivelog.demo.EmbeddedS3Server ${blobs[@]+"${blobs[@]}"}; }
    read -r endpoint <&"${server[0]}"
    labelled=()
    for f in $formats; do labelled+=("$f=$inputs/fleet.$f"); done
    matched_value=false
    [ "$m" = yes ] && matched_value=true
    env DRIVELOG_ANALYSIS=drivelog DRIVELOG_MAP="$map" DRIVELOG_OUTPUT__MATCHED="$matched_value" \
      DRIVELOG_ANALYSIS__BINDING__THREADS="${HANDLER_E2E_THREADS:-1}" \
      AWS_ENDPOINT_URL_S3="$endpoint" DRIVELOG_S3_PATH_STYLE=true AWS_REGION=us-east-1 \
      AWS_ACCESS_KEY_ID=drivelog-local AWS_SECRET_ACCESS_KEY=drivelog-local-secret \
      AWS_LAMBDA_FUNCTION_NAME=drivelog-bench \
      "$java" -XX:+UseSerialGC -XX:+UnlockDiagnosticVMOptions \
      -XX:CompilerDirectivesFile="$root/src/main/jvm/jit-directives.json" -XX:-UsePerfData \
      -Xms376m -Xmx1504m --enable-native-access=ALL-UNNAMED -Ddrivelog.native.dir="$root/target/native" \
      -Dslf4j.provider=org.slf4j.nop.NOPServiceProvider -Dslf4j.internal.verbosity=WARN \
      ${HANDLER_E2E_JAVA_OPTS:-} -cp "$classes" dev.drivelog.lambda.HandlerEndToEndBenchmark "$copies" "${labelled[@]}" \
      > "$out.log" 2> "$out.err" || {
        echo "bench/handler-e2e.sh: the handler's JVM failed (see $out.err):" >&2
        tail -5 "$out.err" >&2
        exit 1
      }
    exec {server[1]}>&-
    wait "$server_PID" || true
    grep '^{"what":"handler"' "$out.err" | sed "s/^{/{\"build\":\"$build\",\"matched\":\"$m\",/"
    if [ ${#blobs[@]} -gt 0 ]; then
      # The result files (not the manifests: they carry the time) against the first build's, then the objects are dropped.
      first="$work/handler-${builds[0]%%=*}-$m.blobs/drivelog-bench/results"
      if [ "$out.blobs/drivelog-bench/results" != "$first" ]; then
        if diff -r -x manifest.json -q "$first" "$out.blobs/drivelog-bench/results" > "$out.diff"; then
          echo "{\"same_bytes\":true,\"build\":\"$build\",\"matched\":\"$m\",\"files\":$(find "$first" -type f ! -name manifest.json | wc -l)}"
        else
          echo "{\"same_bytes\":false,\"build\":\"$build\",\"matched\":\"$m\",\"differences\":\"$out.diff\"}"
        fi
        rm -rf "$out.blobs"
      fi
      rm -rf "$out.blobs/drivelog-bench/logs"
    fi
    for f in $formats; do
      row="$(grep "\"label\":\"$f\"" "$out.err" | "$java" "$root/bench/HandlerE2eRow.java" "$engine_pps")"
      table+=("| $build | $f | $m | $row")
    done
  done
  rm -rf "$work/handler-${builds[0]%%=*}-$m.blobs"
done
echo "{\"load_average_end\":\"$(load)\"}"
echo
echo "| build | format | matched | points | engine pts/CPU-s | first copy CPU-s | steady copy CPU-s (copies) | steady pts/CPU-s | steady / engine | steady CPU-s by thread group |"
echo "|---|---|---|---:|---:|---:|---|---:|---:|---|"
printf '%s\n' "${table[@]}"
