#!/usr/bin/env bash
# Transfer benchmark of the pipeline's S3 layer against a local S3Proxy (in memory, own JVM):
# drivelog's ranged GETs / multipart upload vs the SDK's S3TransferManager (Java multipart client)
# vs the AWS CLI, on the same file and the same server. Usage: bench/pipeline-transfers.sh [MiB] [heap] [rounds]
# (a third argument sets the number of rounds, default 2). Prints one line per run; docs/BENCHMARKS.md ("Pipeline") has the method and the figures.
# BENCH_BASELINE=<another checkout> also runs that checkout's drivelog transfers in every round (rows ending in
# "-baseline"), for a before/after in one run; its classes are compiled first (same dependencies assumed).
# BENCH_WARM=1 adds rows "-warm": drivelog's transfer made twice in one JVM, the second timed (a warm container).
# BENCH_AOT=1 adds rows "-aot": a fresh JVM with a JDK AOT cache trained on a 64 MiB transfer of the same kind
# (as the image and bin/drivelog start with one; the cache needs the classes in jars), and rows "-shipped": the
# same cache with the image's JIT (C1, and C2 for the JDK's crypto and checksums: docker/bootstrap).
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
baseline="${BENCH_BASELINE:-}"
if [ -n "$baseline" ]; then
  (cd "$baseline" && ./mvnw -q -B -o test-compile -Dnative.skip >/dev/null)
  baseline_cp="$baseline/target/test-classes:$baseline/target/classes:$(cat "$work/cp.txt")"
fi
main=dev.drivelog.storage.TransferBenchmark

mkfifo "$work/server-in"
"$java" -Xmx10g -cp "$cp" "$main" server < "$work/server-in" > "$work/server-out" 2>/dev/null &
server_pid=$!
exec 3>"$work/server-in"
until [ -s "$work/server-out" ]; do sleep 0.2; done
endpoint="$(head -1 "$work/server-out")"
echo "server $endpoint (S3Proxy, in memory); object ${size_mib} MiB; client heap -Xmx$heap"

head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$work/input.bin"
# User + system CPU seconds of the process /usr/bin/time last measured (JVM or Python start included).
cpu_seconds() { awk '{ printf "cpu_s=%.2f", $1 + $2 }' "$work/cpu"; }
client() {
  if ! /usr/bin/time -f "%U %S" -o "$work/cpu" "$java" "-Xmx$heap" ${BENCH_JAVA_OPTS:-} -cp "${client_cp:-$cp}" "$main" \
      "$1" "$endpoint" bench "$2" "$3" > "$work/client.log" 2>&1; then
    echo "$1 FAILED:"; grep -v WARNING "$work/client.log" | head -5
  fi
  echo "$(tail -1 "$work/client.log" | sed "s/^$1 /$1${client_suffix:-} /") $(cpu_seconds)"
}
baseline_client() {
  if [ -n "$baseline" ]; then client_cp="$baseline_cp" client_suffix=-baseline client "$@"; fi
}
client create-bucket - - >/dev/null
if [ -n "${BENCH_AOT:-}" ]; then
  "$JAVA_HOME/bin/jar" cf "$work/classes.jar" -C target/classes .
  "$JAVA_HOME/bin/jar" cf "$work/test-classes.jar" -C target/test-classes .
  aot_cp="$work/test-classes.jar:$work/classes.jar:$(cat "$work/cp.txt")"
  head -c "$((64 * 1024 * 1024))" /dev/urandom > "$work/training.bin"
  "$java" "-Xmx$heap" -XX:AOTCacheOutput="$work/upload.aot" -cp "$aot_cp" "$main" upload-drivelog "$endpoint" bench training \
    "$work/training.bin" > "$work/training.log" 2>&1
  "$java" "-Xmx$heap" -XX:AOTCacheOutput="$work/download.aot" -cp "$aot_cp" "$main" download-drivelog "$endpoint" bench training \
    "$work/training-out.bin" >> "$work/training.log" 2>&1
fi
aot_client() {
  if [ -n "${BENCH_AOT:-}" ]; then
    client_cp="$aot_cp" client_suffix=-aot BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -XX:AOTCache=$work/${1%%-*}.aot" client "$@"
  fi
}
# As the image starts: the cache, C1, and C2 for the JDK's crypto and checksums (docker/bootstrap).
shipped_client() {
  if [ -n "${BENCH_AOT:-}" ]; then
    client_cp="$aot_cp" client_suffix=-shipped \
      BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -XX:AOTCache=$work/${1%%-*}.aot -XX:+UnlockDiagnosticVMOptions \
      -XX:CompilerDirectivesFile=src/main/jvm/jit-directives.json -XX:+DisplayVMOutputToStderr" client "$@"
  fi
}

export AWS_ACCESS_KEY_ID=drivelog-local AWS_SECRET_ACCESS_KEY=drivelog-local-secret AWS_DEFAULT_REGION=us-east-1
aws_cli="${AWS_CLI:-aws}"
timed() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$s $e"; }
cli() {
  local label="$1"; shift
  read -r s e < <(timed /usr/bin/time -f "%U %S %M" -o "$work/cpu" "$aws_cli" --endpoint-url "$endpoint" s3 cp "$@")
  awk -v l="$label" -v s="$s" -v e="$e" -v n="$((size_mib))" -v rss="$(awk '{ print $3 }' "$work/cpu")" \
    'BEGIN { printf "%s bytes=%d seconds=%.2f MiB/s=%.0f peak_rss_MiB=%d", l, n*1048576, e-s, n/(e-s), rss/1024 }'
  echo " $(cpu_seconds)"
}

for round in $(seq 1 "${3:-2}"); do
  baseline_client upload-drivelog "up-baseline" "$work/input.bin"
  [ -z "$baseline" ] || "$aws_cli" --endpoint-url "$endpoint" s3 rm s3://bench/up-baseline >/dev/null
  client upload-drivelog "up-drivelog" "$work/input.bin"
  "$aws_cli" --endpoint-url "$endpoint" s3 rm s3://bench/up-drivelog >/dev/null
  if [ -n "${BENCH_WARM:-}" ]; then
    BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -Dbench.warm=true" client upload-drivelog "up-warm" "$work/input.bin" | sed 's/ cpu_s=.*//'
    "$aws_cli" --endpoint-url "$endpoint" s3 rm s3://bench/up-warm >/dev/null
  fi
  aot_client upload-drivelog "up-aot" "$work/input.bin"
  [ -z "${BENCH_AOT:-}" ] || "$aws_cli" --endpoint-url "$endpoint" s3 rm s3://bench/up-aot >/dev/null
  shipped_client upload-drivelog "up-shipped" "$work/input.bin"
  [ -z "${BENCH_AOT:-}" ] || "$aws_cli" --endpoint-url "$endpoint" s3 rm s3://bench/up-shipped >/dev/null
  client upload-transfer-manager "up-tm" "$work/input.bin"
  "$aws_cli" --endpoint-url "$endpoint" s3 rm s3://bench/up-tm >/dev/null
  cli upload-aws-cli "$work/input.bin" "s3://bench/up-cli"
  baseline_client download-drivelog "up-cli" "$work/out-baseline.bin"
  client download-drivelog "up-cli" "$work/out-drivelog.bin"
  if [ -n "${BENCH_WARM:-}" ]; then
    BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -Dbench.warm=true" client download-drivelog "up-cli" "$work/out-warm.bin" | sed 's/ cpu_s=.*//'
  fi
  aot_client download-drivelog "up-cli" "$work/out-aot.bin"
  shipped_client download-drivelog "up-cli" "$work/out-shipped.bin"
  client download-transfer-manager "up-cli" "$work/out-tm.bin"
  cli download-aws-cli "s3://bench/up-cli" "$work/out-cli.bin"
  for out in ${baseline:+out-baseline} out-drivelog ${BENCH_WARM:+out-warm} ${BENCH_AOT:+out-aot out-shipped} out-tm out-cli; do
    cmp -s "$work/input.bin" "$work/$out.bin" && echo "round $round: $out identical to the input" || echo "round $round: $out DIFFERS"
  done
done
exec 3>&-
