#!/usr/bin/env bash
# Runs each libFuzzer target of a sanitizer build (src/main/cpp/build-sanitized.sh) for a bounded
# time, starting from its committed seeds (corpus/<target>/; the map fuzzer's seeds are written by
# drivelog-fuzz-map-seeds). Exits non-zero if any target finds a crash, a leak, undefined behaviour,
# a broken invariant, an input slower than 30 s or one needing more than 2 GB; the reproducer is
# left in BUILD_DIR/fuzz-work/artifacts/<target>/ and the log's tail is printed.
# Usage: src/test/fuzz/run.sh [BUILD_DIR] [SECONDS_PER_TARGET] [TARGET...]
#   defaults: target/native-asan, 60 s, every target. Reproduce a finding with
#   BUILD_DIR/fuzz-bin/<target> <artifact file>
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="$(cd "${1:-$here/../../../target/native-asan}" && pwd)"
seconds="${2:-60}"
shift $(( $# > 2 ? 2 : $# ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_trip_analysis fuzz_map_file fuzz_csv_trace fuzz_json_lines fuzz_gpx fuzz_nmea)
bin="$build/fuzz-bin"
work="$build/fuzz-work"

[ -x "$bin/fuzz_trip_analysis" ] || { echo "fuzz: no fuzz targets in $bin; build them with src/main/cpp/build-sanitized.sh" >&2; exit 2; }
export ASAN_SYMBOLIZER_PATH="${ASAN_SYMBOLIZER_PATH:-$(command -v llvm-symbolizer || true)}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"

failed=()
for target in "${targets[@]}"; do
  corpus="$work/corpus/$target"
  artifacts="$work/artifacts/$target"
  rm -rf "$corpus" "$artifacts"
  mkdir -p "$corpus" "$artifacts"
  if [ -d "$here/corpus/$target" ]; then cp "$here/corpus/$target"/* "$corpus/"; fi
  if [ "$target" = fuzz_map_file ]; then "$bin/drivelog-fuzz-map-seeds" "$corpus"; fi
  log="$work/$target.log"
  start=$(date +%s)
  if "$bin/$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=30 -print_final_stats=1 \
      -artifact_prefix="$artifacts/" "$corpus" > "$log" 2>&1; then
    echo "fuzz: $target: no findings in $(( $(date +%s) - start )) s ($(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}') inputs, corpus $(ls "$corpus" | wc -l) files)"
  else
    echo "fuzz: $target FAILED after $(( $(date +%s) - start )) s; reproducer(s): $(ls "$artifacts")" >&2
    tail -n 60 "$log" >&2
    failed+=("$target")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in ${failed[*]} (logs and inputs under $work)" >&2
  exit 1
fi
