#!/usr/bin/env bash
# Matching + detection throughput on the simulator's town (docs/BENCHMARKS.md, "Matching and detection").
#   bench/engine-town.sh [TRIPS] [OTHER_BUILD_DIR]
# The set is the one bench/accuracy.sh scores at 1 Hz, sigma 5 m: drivelog-synth --scale small (seed 1),
# drivelog-map build, drivelog-simulate TRIPS drives (default 400, seed 1, violation rate 0.5). Files go
# to ${ENGINE_TOWN_DIR:-target/bench-town}; the map and the set are made once and reused.
# Runs drivelog-analyze --stats with 1 and 2 threads under /usr/bin/time (peak RSS), ENGINE_TOWN_RUNS
# times each (default 3), and prints one JSON line per run. With OTHER_BUILD_DIR (e.g. a build of an
# older commit) its drivelog-analyze runs alternately with this one, so the two are compared under the
# same load, and the result JSON of both is checked to be byte-identical. ENGINE_TOWN_CALLGRIND=1 adds
# a callgrind count of the instructions inside drivelog_analyze (needs valgrind; about a minute per build).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/target/native/bin"
dir="${ENGINE_TOWN_DIR:-$root/target/bench-town}"
trips="${1:-400}"
other="${2:-}"
runs="${ENGINE_TOWN_RUNS:-3}"
source "$root/bench/town.sh"
require_tools bench/engine-town.sh "$bin" drivelog-synth drivelog-map drivelog-simulate drivelog-analyze
if [ -n "$other" ] && [ ! -x "$other/bin/drivelog-analyze" ]; then
  echo "bench/engine-town.sh: $other/bin/drivelog-analyze missing" >&2
  exit 1
fi
[ -x /usr/bin/time ] || { echo "bench/engine-town.sh: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }

map="$(town_map "$dir" "$bin")"
set_dir="$dir/hz1-sigma5-trips$trips"
if [ ! -f "$set_dir/done" ]; then
  rm -rf "$set_dir"
  "$bin/drivelog-simulate" --map "$map" --trips "$trips" --seed 1 --hz 1 --noise-m 5 --violation-rate 0.5 \
    --out "$set_dir/sim" > /dev/null
  touch "$set_dir/done"
fi
files=("$set_dir"/sim/*.csv)

# One run: the --stats line with the build, the thread count and the peak RSS (whole process: map,
# all parsed CSV columns, analyzers) merged in.
run() {
  local build="$1" threads="$2" out="$3"
  rm -rf "$out"
  local stats rss
  stats="$( { /usr/bin/time -f 'max_rss_kib=%M' "$build/bin/drivelog-analyze" --map "$map" --threads "$threads" \
    --stats --out "$out" "${files[@]}" > /dev/null; } 2>&1 )"
  rss="$(sed -n 's/^max_rss_kib=//p' <<<"$stats")"
  sed -n 's/^{\(.*\)}$/{"build":"'"${build//\//\\/}"'",\1,"max_rss_kib":'"$rss"'}/p' <<<"$stats"
}

builds=("$root/target/native")
[ -n "$other" ] && builds+=("$(cd "$other" && pwd)")
for threads in 1 2; do
  for _ in $(seq "$runs"); do
    for b in "${builds[@]}"; do run "$b" "$threads" "$dir/out-$(basename "$b")"; done
  done
done
if [ -n "$other" ]; then
  if diff -rq "$dir/out-$(basename "${builds[0]}")" "$dir/out-$(basename "${builds[1]}")" > /dev/null; then
    echo '{"results":"identical"}'
  else
    echo '{"results":"DIFFERENT"}'
    exit 1
  fi
fi

if [ "${ENGINE_TOWN_CALLGRIND:-0}" = 1 ]; then
  command -v valgrind > /dev/null || { echo "bench/engine-town.sh: valgrind missing" >&2; exit 1; }
  points="$("$bin/drivelog-analyze" --map "$map" --threads 1 --stats --out "$dir/out-callgrind" "${files[@]}" 2>&1 > /dev/null |
    sed -n 's/.*"points":\([0-9]*\).*/\1/p')"
  for b in "${builds[@]}"; do
    # Instructions inside drivelog_analyze only (CSV parsing and file writing excluded); unlike time,
    # the count does not depend on the load of the machine.
    valgrind --tool=callgrind --callgrind-out-file="$dir/callgrind.out" --toggle-collect=drivelog_analyze \
      "$b/bin/drivelog-analyze" --map "$map" --threads 1 --out "$dir/out-callgrind" "${files[@]}" > /dev/null 2> "$dir/callgrind.log"
    instructions="$(sed -n 's/.*I *refs: *\([0-9,]*\).*/\1/p' "$dir/callgrind.log" | tr -d ,)"
    echo "{\"build\":\"$b\",\"instructions\":$instructions,\"points\":$points,\"instructions_per_point\":$((instructions / points))}"
  done
fi
