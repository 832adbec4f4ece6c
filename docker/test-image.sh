#!/usr/bin/env bash
# End-to-end test of the Lambda container image, as Lambda runs it: the image's own entry point with
# AWS_LAMBDA_RUNTIME_API pointed at a Runtime API test server (docker/test/RuntimeApiServer.java) on
# the host, S3 served by the project's embedded S3 server (docker/test/LocalS3.java), the container
# on a read-only root file system with a tmpfs /tmp, as in Lambda. (S3Proxy does not check the SDK's
# default flexible checksums, so the container computes them only where S3 requires them.) The drive
# log is simulated with the image's own drivelog-simulate on the image's own map, so it lies on the
# map the shipped analysis ("drivelog", the native engine) matches against. Sends the sample SQS
# event for that log in S3 and asserts the batch response, the committed manifest, the trip and its
# violations in summary.json, and the duplicate handling of a second delivery. Measures init time (docker run, and the
# container's process start, -> first /next) and the JVM's CPU time (user + sys, less sensitive to a
# busy machine than wall time) with and without the AOT cache, and prints the image size. The image's
# own /lambda-entrypoint.sh runs under bash's `time`.
#
# Usage: docker/test-image.sh [--no-build] [-t TAG] [--runs N]
# Needs: root (docker), jq, a JDK 25 (JAVA_HOME or /usr/lib/jvm), the Maven build (run if missing).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
tag=drivelog:local
build=true
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=false; shift ;;
    -t|--tag) tag="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "test-image: unknown argument $1" >&2; exit 64 ;;
  esac
done
started=$(date +%s)
fail() { echo "test-image: FAIL: $*" >&2; exit 1; }
command -v jq >/dev/null || fail "jq is needed to check the results (apt-get install jq)"

if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"25'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/*-25-*; do
    [ -x "$candidate/bin/java" ] && { export JAVA_HOME="$candidate"; break; }
  done
fi
java="$JAVA_HOME/bin/java"
docker="${DOCKER:-docker}"

if $build; then
  docker/build-image.sh -t "$tag"
fi
"$docker" image inspect "$tag" >/dev/null || fail "no image $tag (build it, or drop --no-build)"
image_bytes="$("$docker" image inspect -f '{{.Size}}' "$tag")"

# Host side: the project's jars (the embedded S3 server).
if [ ! -f target/drivelog.jar ] || [ ! -d target/lib-demo ]; then
  ./mvnw -q -B -DskipTests -Dnative.skip -Dnative.test.skip package
fi

work="$repo/target/test-image"
rm -rf "$work" && mkdir -p "$work"
pids=()
cleanup() {
  touch "$work/s3/stop" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  "$docker" rm -f drivelog-image-test >/dev/null 2>&1 || true
}
trap cleanup EXIT

# The image must register the real analysis (META-INF/services), nothing added from outside.
container="$("$docker" create "$tag")"
"$docker" cp "$container:/opt/drivelog/drivelog.jar" "$work/image-drivelog.jar" >/dev/null
"$docker" rm "$container" >/dev/null
providers="$(unzip -p "$work/image-drivelog.jar" META-INF/services/dev.drivelog.job.InputAnalysisProvider 2>/dev/null || true)"
grep -qx 'dev.drivelog.job.DrivelogAnalysisProvider' <<< "$providers" \
  || fail "the image's drivelog.jar does not register dev.drivelog.job.DrivelogAnalysisProvider (found: ${providers:-none})"

# The drive log the sample event names (bucket and key as in events/sqs-s3-put.json).
input_bucket=drivelog-input-111122223333-us-east-1
input_key=incoming/fleet-7/2026-11-21/vehicle-42.csv
output_bucket=drivelog-output-test
log_file="$work/vehicle-42.csv"
"$docker" run --rm --network none --user "$(id -u):$(id -g)" -v "$work:/work" \
  -v "$repo/docker/test/sample-drive-log.sh:/opt/test/sample-drive-log.sh:ro" --entrypoint /bin/bash "$tag" \
  /opt/test/sample-drive-log.sh /opt/drivelog/native /opt/drivelog/map/reference.dlmap /work/vehicle-42.csv

mkdir -p "$work/s3"
"$java" -cp "target/drivelog.jar:target/lib/*:target/lib-demo/*" docker/test/LocalS3.java "$work/s3" \
  "$input_bucket" "$output_bucket" "$input_key=$log_file" > "$work/s3/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do [ -s "$work/s3/endpoint" ] && break; sleep 0.2; done
[ -s "$work/s3/endpoint" ] || { cat "$work/s3/server.log" >&2; fail "S3 server did not start"; }
s3_endpoint="$(cat "$work/s3/endpoint")"
echo "test-image: S3 at $s3_endpoint"

# The Runtime API server, compiled once (it is started for every container run).
mkdir -p "$work/server-classes"
"$JAVA_HOME/bin/javac" -d "$work/server-classes" docker/test/RuntimeApiServer.java
port=$(( 20000 + RANDOM % 20000 ))
# run NAME EVENT [extra JVM options...]: one container start serving one event; prints init ms.
run() {
  local name="$1" event="$2"; shift 2
  local out="$work/runs/$name"
  mkdir -p "$out"
  "$java" -cp "$work/server-classes" RuntimeApiServer --port "$port" --out "$out" --timeout-seconds 120 "$event" \
    > "$out/server.log" 2>&1 &
  local server=$!
  for _ in $(seq 1 200); do [ -f "$out/ready" ] && break; sleep 0.1; done
  local opts="$*"
  local start_ms
  start_ms=$(date +%s%3N)
  "$docker" rm -f drivelog-image-test >/dev/null 2>&1 || true
  "$docker" run --name drivelog-image-test --network host --read-only --tmpfs /tmp:rw,size=512m \
    --memory 3008m --cpus 2 \
    -e AWS_LAMBDA_RUNTIME_API="127.0.0.1:$port" -e AWS_REGION=us-east-1 \
    -e AWS_ACCESS_KEY_ID=drivelog-local -e AWS_SECRET_ACCESS_KEY=drivelog-local-secret \
    -e AWS_ENDPOINT_URL_S3="$s3_endpoint" -e DRIVELOG_S3_PATH_STYLE=true \
    -e AWS_REQUEST_CHECKSUM_CALCULATION=WHEN_REQUIRED -e AWS_RESPONSE_CHECKSUM_VALIDATION=WHEN_REQUIRED \
    -e AWS_LAMBDA_FUNCTION_NAME=drivelog -e AWS_LAMBDA_FUNCTION_MEMORY_SIZE=3008 \
    -e DRIVELOG_PIPELINE__OUTPUT_BUCKET="$output_bucket" -e DRIVELOG_PIPELINE__OUTPUT_PREFIX="${PREFIX:-results/}" \
    -e DRIVELOG_AOT="${AOT:-on}" -e DRIVELOG_JIT="${JIT:-c1}" -e DRIVELOG_JAVA_OPTS="$opts" \
    --entrypoint /bin/bash "$tag" -c 'TIMEFORMAT="cpu_seconds %U %S"; time /lambda-entrypoint.sh "$0"' \
    dev.drivelog.lambda.SqsBatchHandler::handleRequest > "$out/container.log" 2>&1 || true
  wait "$server" || true
  # When the container's process started: separates JVM start-up from container creation.
  local process_start_ms
  process_start_ms=$(date -d "$("$docker" inspect -f '{{.State.StartedAt}}' drivelog-image-test)" +%s%3N)
  "$docker" rm drivelog-image-test >/dev/null
  [ -f "$out/init-error.json" ] && { cat "$out/container.log" >&2; fail "$name: init error: $(cat "$out/init-error.json")"; }
  [ -f "$out/timings.txt" ] || { cat "$out/container.log" "$out/server.log" >&2; fail "$name: the runtime never reached the Runtime API"; }
  local init_epoch first_result init_done
  init_epoch="$(awk '$1=="init_done_epoch_ms"{print $2}' "$out/timings.txt")"
  init_done="$(awk '$1=="init_done_ms"{print $2}' "$out/timings.txt")"
  first_result="$(awk '$1 ~ /^event_1_/{print $2}' "$out/timings.txt")"
  local cpu_ms
  cpu_ms=$(awk '$1=="cpu_seconds"{printf "%d", ($2 + $3) * 1000}' "$out/container.log")
  echo "$name init_ms $((init_epoch - start_ms)) first_event_ms $((first_result - init_done)) process_init_ms $((init_epoch - process_start_ms)) cpu_ms ${cpu_ms:-0}" >> "$work/timings.txt"
}

# 1. The sample S3 notification: analysed, results committed, no batch item failure.
AOT=on run first events/sqs-s3-put.json -XX:AOTMode=on
response="$(cat "$work/runs/first/1.response.json" 2>/dev/null || true)"
[ "$response" = '{"batchItemFailures":[]}' ] || { cat "$work/runs/first/container.log" >&2; fail "first delivery: response $response"; }
# SLF4J 1.x prints "SLF4J: ...", 2.x "SLF4J(W): ..." (or (I), (E)).
! grep -qE 'SLF4J(\([A-Z]\))?:' "$work/runs/first/container.log" \
  || fail "SLF4J reports at cold start: $(grep -E 'SLF4J(\([A-Z]\))?:' "$work/runs/first/container.log" | head -3)"
# 2. The same message again (SQS delivers at least once): acknowledged, nothing rewritten.
AOT=on run duplicate events/sqs-s3-put.json -XX:AOTMode=on
response="$(cat "$work/runs/duplicate/1.response.json" 2>/dev/null || true)"
[ "$response" = '{"batchItemFailures":[]}' ] || fail "duplicate delivery: response $response"
grep -q '"duplicate skipped' "$work/runs/duplicate/container.log" || fail "second delivery: not skipped as a duplicate"
# 3. A mixed batch (escaped key, test event, direct job, malformed body): a JSON batch response.
AOT=on run mixed events/sqs-mixed-batch.json -XX:AOTMode=on
grep -q '"batchItemFailures"' "$work/runs/mixed/1.response.json" || fail "mixed batch: no batch response"

# 4. Start-up as shipped (AOT cache, C1 only), without the AOT cache, and with the full JIT (C1 + C2).
# Each run writes under its own output prefix, so that its first event is a real analysis, not a
# duplicate of an earlier run's.
timed() {
  local name="$1"; shift
  PREFIX="timed/$name/" run "$name" events/sqs-s3-put.json "$@"
  [ "$(cat "$work/runs/$name/1.response.json" 2>/dev/null)" = '{"batchItemFailures":[]}' ] \
    || { cat "$work/runs/$name/container.log" >&2; fail "$name: response $(cat "$work/runs/$name/1.response.json" 2>/dev/null)"; }
}
for i in $(seq 1 "$runs"); do
  AOT=on JIT=c1 timed "shipped-$i" -XX:AOTMode=on
  AOT=off JIT=c1 timed "noaot-$i"
  AOT=on JIT=full timed "fulljit-$i" -XX:AOTMode=on
done

# 5. What the first delivery committed (the S3 server lists and copies the output bucket when stopped).
touch "$work/s3/stop"
for _ in $(seq 1 100); do [ -f "$work/s3/output-keys.txt" ] && break; sleep 0.2; done
result_dir="$(grep -oE '^results/vehicle-42\.csv-[0-9a-f]+/manifest\.json ' "$work/s3/output-keys.txt" | head -1 | sed 's|/manifest.json ||')"
[ -n "$result_dir" ] || { cat "$work/s3/output-keys.txt" >&2; fail "no committed result (manifest.json) for the drive log"; }
manifest="$work/s3/output/$result_dir/manifest.json"
summary="$work/s3/output/$result_dir/summary.json"
jq -e '.schema == "drivelog.manifest/1"' "$manifest" >/dev/null || fail "manifest: $(cat "$manifest")"
[ -f "$summary" ] || fail "no summary.json next to the manifest in $result_dir"
# The simulated trip: analysed by the engine, with the violations the simulator injected found.
jq -e '(.trips | length) == 1 and .trips[0].status == "analysed" and .trips[0].points > 100
       and (.trips[0].violations | length) >= 1 and .totals.violations == (.trips[0].violations | length)
       and .totals.failed_trips == 0' "$summary" >/dev/null \
  || { jq . "$summary" >&2; fail "summary.json does not list the analysed trip with its violations"; }
found="$(jq -r '[.trips[0].violations[].type] | group_by(.) | map("\(.[0]) \(length)") | join(", ")' "$summary")"
echo "test-image: summary.json: 1 trip, $(jq '.trips[0].points' "$summary") points, violations: $found"
timed_manifests="$(grep -cE '^timed/[^/]+/vehicle-42\.csv-[0-9a-f]+/manifest\.json ' "$work/s3/output-keys.txt" || true)"
[ "$timed_manifests" = $(( 3 * runs )) ] || fail "timed runs: $timed_manifests of $(( 3 * runs )) committed a result"

median() { sort -n | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }
{
  echo "image $tag: $(( image_bytes / 1000000 )) MB; violations found: $found"
  for variant in shipped noaot fulljit; do
    init=$(grep -E "^$variant-[0-9]+ " "$work/timings.txt" | awk '{print $3}' | median)
    process=$(grep -E "^$variant-[0-9]+ " "$work/timings.txt" | awk '{print $7}' | median)
    first=$(grep -E "^$variant-[0-9]+ " "$work/timings.txt" | awk '{print $5}' | median)
    cpu=$(grep -E "^$variant-[0-9]+ " "$work/timings.txt" | awk '{print $9}' | median)
    echo "$variant: init ${init} ms from docker run, ${process} ms from process start, first event ${first} ms, CPU ${cpu} ms for the whole run (medians of $runs)"
  done
  echo "results: $(wc -l < "$work/s3/output-keys.txt") objects in the output bucket"
  echo "test-image: passed in $(( $(date +%s) - started )) s"
} | tee "$work/report.txt"
