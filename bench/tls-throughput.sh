#!/usr/bin/env bash
# What TLS costs the JVM as drivelog starts it (docs/BENCHMARKS.md, "TLS and the JIT"): one TLS
# server on 127.0.0.1 (its own JVM, default JIT), and a client JVM per transfer that downloads
# ("get") or uploads ("put") MIB MiB, started with each JIT setting in turn, ROUNDS times.
#   bench/tls-throughput.sh [MIB] [ROUNDS]      defaults 256 and 3
# Settings: full (C1 + C2), c1 (-XX:TieredStopAtLevel=1), and "crypto-c2": C1 for everything but
# the JDK's crypto and checksum code (the compiler directives in src/main/jvm/jit-directives.json).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mib="${1:-256}"
rounds="${2:-3}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
work="$(mktemp -d)"
trap 'kill "${server_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
./mvnw -q -B -o test-compile -Dnative.skip >/dev/null
cp="target/test-classes:target/classes"
main=dev.drivelog.storage.TlsThroughputBenchmark
"$JAVA_HOME/bin/keytool" -genkeypair -keystore "$work/keys.p12" -storetype PKCS12 -storepass drivelog-bench \
  -alias bench -keyalg EC -groupname secp256r1 -dname CN=127.0.0.1 -validity 2 >/dev/null 2>&1
"$java" -cp "$cp" "$main" server "$work/keys.p12" "$work/port" > "$work/server.log" 2>&1 &
server_pid=$!
until [ -s "$work/port" ]; do sleep 0.2; done
port="$(cat "$work/port")"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $mib MiB per transfer"
declare -A flags=(
  [full]=""
  [c1]="-XX:TieredStopAtLevel=1"
  [crypto-c2]="-XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile=src/main/jvm/jit-directives.json -XX:+DisplayVMOutputToStderr"
)
for round in $(seq 1 "$rounds"); do
  for direction in get put; do
    for setting in full c1 crypto-c2; do
      # shellcheck disable=SC2086  # the flags are words
      echo "round $round $setting $("$java" ${flags[$setting]} -cp "$cp" "$main" client "$port" "$direction" "$mib")"
    done
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
