#!/usr/bin/env bash
# End-to-end test of the Lambda container image, as Lambda runs it: the image's own entry point with
# AWS_LAMBDA_RUNTIME_API pointed at a Runtime API test server (docker/test/RuntimeApiServer.java) on
# the host, S3 served by the project's embedded S3 server (docker/test/LocalS3.java), the container
# on a read-only root file system with a tmpfs /tmp, as in Lambda. (S3Proxy does not check the SDK's
# default flexible checksums, so the container computes them only where S3 requires them.) Sends the sample SQS event for a
# drive log that exists in S3 and asserts the batch response, the results written under the output
# prefix, and the duplicate handling of a second delivery. Measures init time (docker run, and the
# container's process start, -> first /next) and the JVM's CPU time (user + sys, less sensitive to a
# busy machine than wall time) with and without the AOT cache, and prints the image size. The image's
# own /lambda-entrypoint.sh runs under bash's `time`.
#
# Usage: docker/test-image.sh [--no-build] [-t TAG] [--runs N]
# Needs: root (docker), a JDK 25 (JAVA_HOME or /usr/lib/jvm), the Maven build (run if missing).
# If the image has no drive-log analysis registered (the analysis is provided by another module),
# the test analysis from the test class path ("line-count") is added at the end of the class path,
# which the AOT cache allows (a class path may extend the training one).
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

# Host side: the project's jars (S3 server, test analysis).
if [ ! -f target/drivelog.jar ] || [ ! -d target/lib-demo ] || [ ! -d target/test-classes/dev/drivelog/job ]; then
  ./mvnw -q -B -DskipTests -Dnative.skip package
  ./mvnw -q -B -Dnative.skip test-compile
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

# Does the image register a drive-log analysis? If not, bring the test one.
container="$("$docker" create "$tag")"
"$docker" cp "$container:/opt/drivelog/drivelog.jar" "$work/image-drivelog.jar" >/dev/null
"$docker" cp "$container:/opt/drivelog/classpath.args" "$work/classpath.args" >/dev/null
"$docker" rm "$container" >/dev/null
extra_opts=()
mounts=()
if unzip -l "$work/image-drivelog.jar" META-INF/services/dev.drivelog.job.InputAnalysisProvider >/dev/null 2>&1; then
  analysis=image
else
  analysis=line-count
  mkdir -p "$work/analysis/META-INF/services"
  echo dev.drivelog.job.LineCountAnalysisProvider > "$work/analysis/META-INF/services/dev.drivelog.job.InputAnalysisProvider"
  cp -r target/test-classes/dev "$work/analysis/"
  find "$work/analysis/dev" -name '*.class' ! -name 'LineCountAnalysis*' -delete
  "$JAVA_HOME/bin/jar" cf "$work/line-count.jar" -C "$work/analysis" .
  mounts+=(-v "$work/line-count.jar:/opt/test/line-count.jar:ro")
  extra_opts+=("$(cat "$work/classpath.args"):/opt/test/line-count.jar")
fi
echo "test-image: analysis: $analysis"

# The drive log the sample event names (bucket and key as in events/sqs-s3-put.json).
input_bucket=drivelog-input-111122223333-us-east-1
input_key=incoming/fleet-7/2026-11-21/vehicle-42.csv
output_bucket=drivelog-output-test
log_file="$work/vehicle-42.csv"
docker/test/sample-drive-log.sh "$log_file"

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
  local opts="${extra_opts[*]:-} $*"
  local start_ms
  start_ms=$(date +%s%3N)
  "$docker" rm -f drivelog-image-test >/dev/null 2>&1 || true
  "$docker" run --name drivelog-image-test --network host --read-only --tmpfs /tmp:rw,size=512m \
    --memory 3008m --cpus 2 "${mounts[@]}" \
    -e AWS_LAMBDA_RUNTIME_API="127.0.0.1:$port" -e AWS_REGION=us-east-1 \
    -e AWS_ACCESS_KEY_ID=drivelog-local -e AWS_SECRET_ACCESS_KEY=drivelog-local-secret \
    -e AWS_ENDPOINT_URL_S3="$s3_endpoint" -e DRIVELOG_S3_PATH_STYLE=true \
    -e AWS_REQUEST_CHECKSUM_CALCULATION=WHEN_REQUIRED -e AWS_RESPONSE_CHECKSUM_VALIDATION=WHEN_REQUIRED \
    -e AWS_LAMBDA_FUNCTION_NAME=drivelog -e AWS_LAMBDA_FUNCTION_MEMORY_SIZE=3008 \
    -e DRIVELOG_PIPELINE__OUTPUT_BUCKET="$output_bucket" -e DRIVELOG_PIPELINE__OUTPUT_PREFIX=results/ \
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
# 2. The same message again (SQS delivers at least once): acknowledged, nothing rewritten.
AOT=on run duplicate events/sqs-s3-put.json -XX:AOTMode=on
response="$(cat "$work/runs/duplicate/1.response.json" 2>/dev/null || true)"
[ "$response" = '{"batchItemFailures":[]}' ] || fail "duplicate delivery: response $response"
grep -q '"duplicate' "$work/runs/duplicate/container.log" || echo "test-image: note: no 'duplicate' in the log of the second delivery"
# 3. A mixed batch (escaped key, test event, direct job, malformed body): a JSON batch response.
AOT=on run mixed events/sqs-mixed-batch.json -XX:AOTMode=on
grep -q '"batchItemFailures"' "$work/runs/mixed/1.response.json" || fail "mixed batch: no batch response"

touch "$work/s3/stop"
for _ in $(seq 1 100); do [ -f "$work/s3/output-keys.txt" ] && break; sleep 0.2; done
grep -qE '^results/vehicle-42\.csv-[0-9a-f]+/manifest\.json ' "$work/s3/output-keys.txt" \
  || { cat "$work/s3/output-keys.txt" >&2; fail "no committed result (manifest.json) for the drive log"; }

# 4. Start-up as shipped (AOT cache, C1 only), without the AOT cache, and with the full JIT (C1 + C2).
for i in $(seq 1 "$runs"); do
  AOT=on JIT=c1 run "shipped-$i" events/sqs-s3-put.json -XX:AOTMode=on
  AOT=off JIT=c1 run "noaot-$i" events/sqs-s3-put.json
  AOT=on JIT=full run "fulljit-$i" events/sqs-s3-put.json -XX:AOTMode=on
done

median() { sort -n | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }
{
  echo "image $tag: $(( image_bytes / 1000000 )) MB; analysis: $analysis"
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
