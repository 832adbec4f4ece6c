#!/usr/bin/env bash
# JDK AOT training run at image build time: starts the image's own bootstrap (same flags, class path
# and layout as in Lambda) against a local Runtime API server that hands out the sample events under
# events/, and lets the JVM write the AOT cache when the server ends the run. The events' S3 objects
# do not exist here (S3 points at a closed local port), so each one exercises event parsing, the S3
# client and the error path; class loading and linking of the start-up path is what the cache keeps.
# Usage: train-aot.sh DRIVELOG_HOME OUT_CACHE      (JAVA_HOME: a full JDK, for the server)
set -euo pipefail
home="$1" cache="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
events="$(cd "$here/../events" && pwd)"
work="$(mktemp -d)"
mkdir -p "$(dirname "$cache")"
port=9001

"$JAVA_HOME/bin/java" "$here/test/RuntimeApiServer.java" --port "$port" --out "$work/results" --repeat 3 \
  --timeout-seconds 300 "$events"/sqs-*.json > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do [ -f "$work/results/ready" ] && break; sleep 0.1; done

status=0
env DRIVELOG_HOME="$home" DRIVELOG_AOT_TRAINING="$cache" AWS_LAMBDA_RUNTIME_API="127.0.0.1:$port" \
  AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=training AWS_SECRET_ACCESS_KEY=training \
  AWS_ENDPOINT_URL_S3=http://127.0.0.1:9 AWS_EC2_METADATA_DISABLED=true \
  AWS_LAMBDA_FUNCTION_NAME=drivelog AWS_LAMBDA_FUNCTION_MEMORY_SIZE=3008 AWS_LAMBDA_FUNCTION_VERSION='$LATEST' \
  DRIVELOG_PIPELINE_OUTPUT_BUCKET=training-output DRIVELOG_PIPELINE_OUTPUT_PREFIX=results/ DRIVELOG_S3_PATH_STYLE=true \
  /var/runtime/bootstrap > "$work/jvm.log" 2>&1 || status=$?
wait "$server" || true
# The RIC ends with an exception when the server closes the run: exit status 1 is expected.
grep -v '\[warning\]\[aot' "$work/jvm.log" | tail -20
echo "train-aot: server: $(cat "$work/server.log"); results: $(ls "$work/results" | tr '\n' ' ')"
if [ ! -s "$cache" ]; then
  echo "train-aot: no AOT cache written (JVM exit status $status)" >&2
  exit 1
fi
ls -l "$cache"
rm -rf "$work"
