#!/usr/bin/env bash
# Matching + detection throughput and memory (docs/BENCHMARKS.md, "Matching and detection").
# Uses drivelog-engine-bench: a generated grid city (MapBuilder) and random urban drives with GPS
# noise, analysed through the C ABI. Each run prints one JSON line.
#   bench/engine.sh [BUILD_DIR]      (default target/native; builds it if missing)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/target/native}"
bench="$build/bin/drivelog-engine-bench"
[ -x "$bench" ] || bash "$root/src/main/cpp/build.sh" "$build"

run() {
  echo "# $*" >&2
  # /usr/bin/time's maximum resident set size is the whole process (map + generated trips).
  /usr/bin/time -f '{"max_rss_kib":%M}' "$bench" "$@"
}

# 1 Hz urban traces, sigma 5 m: one thread, then two threads (two analyzers, one shared map).
run --blocks 40 --trips 300 --points 1800 --hz 1 --noise-m 5 --threads 1
run --blocks 40 --trips 300 --points 1800 --hz 1 --noise-m 5 --threads 2
# Noisier and sparser data.
run --blocks 40 --trips 200 --points 1800 --hz 1 --noise-m 10 --threads 1
run --blocks 40 --trips 200 --points 600 --hz 0.2 --noise-m 5 --threads 1
# One 24 h trace at 10 Hz (864,000 points): bounded memory.
run --blocks 40 --trips 1 --points 864000 --hz 10 --noise-m 5 --threads 1
