#!/usr/bin/env bash
# Transfer benchmark of the pipeline's S3 layer against a local S3Proxy (in memory, own JVM):
# drivelog's ranged GETs / multipart upload vs the SDK's S3TransferManager (Java multipart client)
# vs the AWS CLI, on the same file and the same server. Usage: bench/pipeline-transfers.sh [MiB] [heap] [rounds]
# (a third argument sets the number of rounds, default 2). Prints one line per run; docs/BENCHMARKS.md ("Pipeline") has the method and the figures.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
size_mib="${1:-1024}"
heap="${2:-512m}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
work="$(mktemp -d)"
trap 'kill "${server_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

./mvnw -q -B -o test-compile -Dnative.skip >/dev/null
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="target/test-classes:target/classes:$(cat "$work/cp.txt")"
main=dev.drivelog.storage.TransferBenchmark

mkfifo "$work/server-in"
"$java" -Xmx10g -cp "$cp" "$main" server < "$work/server-in" > "$work/server-out" 2>/dev/null &
server_pid=$!
exec 3>"$work/server-in"
until [ -s "$work/server-out" ]; do sleep 0.2; done
endpoint="$(head -1 "$work/server-out")"
echo "server $endpoint (S3Proxy, in memory); object ${size_mib} MiB; client heap -Xmx$heap"

head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$work/input.bin"
client() {
  if ! "$java" "-Xmx$heap" ${BENCH_JAVA_OPTS:-} -cp "$cp" "$main" "$1" "$endpoint" bench "$2" "$3" > "$work/client.log" 2>&1; then
    echo "$1 FAILED:"; grep -v WARNING "$work/client.log" | head -5
  fi
  tail -1 "$work/client.log"
}
client create-bucket - - >/dev/null

export AWS_ACCESS_KEY_ID=drivelog-local AWS_SECRET_ACCESS_KEY=drivelog-local-secret AWS_DEFAULT_REGION=us-east-1
aws_cli="${AWS_CLI:-aws}"
timed() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$s $e"; }
cli() {
  local label="$1"; shift
  read -r s e < <(timed /usr/bin/time -f "%M" -o "$work/rss" "$aws_cli" --endpoint-url "$endpoint" s3 cp "$@")
  awk -v l="$label" -v s="$s" -v e="$e" -v n="$((size_mib))" -v rss="$(cat "$work/rss")" \
    'BEGIN { printf "%s bytes=%d seconds=%.2f MiB/s=%.0f peak_rss_MiB=%d\n", l, n*1048576, e-s, n/(e-s), rss/1024 }'
}

for round in $(seq 1 "${3:-2}"); do
  client upload-drivelog "up-drivelog" "$work/input.bin"
  "$aws_cli" --endpoint-url "$endpoint" s3 rm s3://bench/up-drivelog >/dev/null
  client upload-transfer-manager "up-tm" "$work/input.bin"
  "$aws_cli" --endpoint-url "$endpoint" s3 rm s3://bench/up-tm >/dev/null
  cli upload-aws-cli "$work/input.bin" "s3://bench/up-cli"
  client download-drivelog "up-cli" "$work/out-drivelog.bin"
  client download-transfer-manager "up-cli" "$work/out-tm.bin"
  cli download-aws-cli "s3://bench/up-cli" "$work/out-cli.bin"
  for out in out-drivelog out-tm out-cli; do
    cmp -s "$work/input.bin" "$work/$out.bin" && echo "round $round: $out identical to the input" || echo "round $round: $out DIFFERS"
  done
done
exec 3>&-
