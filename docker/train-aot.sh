#!/usr/bin/env bash
# JDK AOT training run at image build time: starts the image's own bootstrap (same flags, class path
# and layout as in Lambda) against a local Runtime API server that hands out the sample events under
# events/, and lets the JVM write the AOT cache when the server ends the run. S3 is the project's
# embedded S3 server (demo dependencies of the Maven build, not part of the image) holding a drive
# log simulated on the image's map under the key the sample event names, so the training invocations
# download, analyse with the real engine and upload for real. A training run that did not analyse
# that log (init error, failed batch item) fails the build: a cache trained on an error path would
# silently give a slower cold start.
# Usage: train-aot.sh DRIVELOG_HOME OUT_CACHE [MAVEN_TARGET]   (JAVA_HOME: a full JDK)
set -euo pipefail
home="$1" cache="$2" target="${3:-/src/target}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
events="$(cd "$here/../events" && pwd)"
work="$(mktemp -d)"
mkdir -p "$(dirname "$cache")" "$work/s3"
port=9001
pids=()
trap 'touch "$work/s3/stop" 2>/dev/null || true; for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
fail() { echo "train-aot: $*" >&2; exit 1; }

[ -d "$target/lib-demo" ] || fail "no $target/lib-demo (the embedded S3 server's jars): run the Maven package first"
"$here/test/sample-drive-log.sh" "$home/native" "$home/map/reference.dlmap" "$work/vehicle-42.csv"
"$JAVA_HOME/bin/java" -cp "$target/drivelog.jar:$target/lib/*:$target/lib-demo/*" "$here/test/LocalS3.java" \
  "$work/s3" drivelog-input-111122223333-us-east-1 training-output \
  "incoming/fleet-7/2026-11-21/vehicle-42.csv=$work/vehicle-42.csv" > "$work/s3/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do [ -s "$work/s3/endpoint" ] && break; sleep 0.2; done
[ -s "$work/s3/endpoint" ] || fail "embedded S3 did not start: $(tail -5 "$work/s3/server.log")"
s3_endpoint="$(cat "$work/s3/endpoint")"

echo "train-aot: S3 at $s3_endpoint"
"$JAVA_HOME/bin/java" "$here/test/RuntimeApiServer.java" --port "$port" --out "$work/results" --repeat 3 \
  --timeout-seconds 300 "$events"/sqs-*.json > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do [ -f "$work/results/ready" ] && break; sleep 0.1; done

status=0
env DRIVELOG_HOME="$home" DRIVELOG_AOT_TRAINING="$cache" AWS_LAMBDA_RUNTIME_API="127.0.0.1:$port" \
  AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=drivelog-local AWS_SECRET_ACCESS_KEY=drivelog-local-secret \
  AWS_ENDPOINT_URL_S3="$s3_endpoint" AWS_EC2_METADATA_DISABLED=true \
  AWS_REQUEST_CHECKSUM_CALCULATION=WHEN_REQUIRED AWS_RESPONSE_CHECKSUM_VALIDATION=WHEN_REQUIRED \
  DRIVELOG_MAP="$home/map/reference.dlmap" DRIVELOG_CONFIG="$home/config/drivelog.yaml" \
  AWS_LAMBDA_FUNCTION_NAME=drivelog AWS_LAMBDA_FUNCTION_MEMORY_SIZE=3008 AWS_LAMBDA_FUNCTION_VERSION='$LATEST' \
  DRIVELOG_PIPELINE__OUTPUT_BUCKET=training-output DRIVELOG_PIPELINE__OUTPUT_PREFIX=results/ DRIVELOG_S3_PATH_STYLE=true \
  /var/runtime/bootstrap > "$work/jvm.log" 2>&1 || status=$?
wait "$server" || true
# The RIC ends with an exception when the server closes the run: exit status 1 is expected.
grep -v '\[warning\]\[aot' "$work/jvm.log" | tail -20
echo "train-aot: server: $(cat "$work/server.log"); results: $(ls "$work/results" | tr '\n' ' ')"
[ -f "$work/results/init-error.json" ] && fail "the handler failed to initialise: $(cat "$work/results/init-error.json")"
# Event 2 is the first sqs-s3-put.json (the glob sorts sqs-mixed-batch.json first): the real analysis.
response="$(cat "$work/results/2.response.json" 2>/dev/null || true)"
[ "$response" = '{"batchItemFailures":[]}' ] || fail "the training invocation of sqs-s3-put.json did not succeed: '$response'"
[ -s "$cache" ] || fail "no AOT cache written (JVM exit status $status)"
ls -l "$cache"
rm -rf "$work"
