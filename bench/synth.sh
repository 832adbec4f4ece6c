#!/usr/bin/env bash
# Generation rate and peak memory of drivelog-synth, one run per scale.
#   bench/synth.sh [SCALE...]          (default: small city; e.g. bench/synth.sh small city country)
# Optional: SYNTH_BUILD=1 also builds each region into a reference map with drivelog-map (if built)
# and reports map size, build time and peak RSS. Files go to ${SYNTH_BENCH_DIR:-target/bench-synth}
# and are deleted after measuring (they can be many GB); set SYNTH_KEEP=1 to keep them.
# Prints one Markdown table row per scale.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/target/native/bin"
dir="${SYNTH_BENCH_DIR:-$root/target/bench-synth}"
seed="${SYNTH_SEED:-1}"
[ -x "$bin/drivelog-synth" ] || { echo "bench/synth.sh: $bin/drivelog-synth missing; run src/main/cpp/build.sh first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench/synth.sh: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
mkdir -p "$dir"
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(small city)

# Value of a "key": number field in the tool's one-line JSON summary.
field() { sed -n "s/.*\"$1\": \([0-9.]*\).*/\1/p" <<<"$2"; }
# Peak RSS in MB and elapsed seconds from /usr/bin/time -v output.
peak_mb() { awk '/Maximum resident set size/ {printf "%.0f", $6/1024}' "$1"; }
cpu_s() { awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.2f", s}' "$1"; }
elapsed_s() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; printf "%.1f", s}' "$1"; }

echo "| scale | tiles | nodes | ways | relations | PBF MB | wall s | CPU s | objects/s (wall) | objects/CPU-s | PBF MB/s (wall) | peak RSS MB | map MB | build wall s | build CPU s | build peak RSS MB |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for scale in "${scales[@]}"; do
  pbf="$dir/synth-$scale.osm.pbf"
  json="$(/usr/bin/time -v -o "$dir/time-synth.txt" "$bin/drivelog-synth" --seed "$seed" --scale "$scale" --out "$pbf")"
  nodes=$(field nodes "$json"); ways=$(field ways "$json"); rels=$(field relations "$json")
  bytes=$(field bytes "$json"); secs=$(field seconds "$json"); tiles=$(field tiles "$json")
  objects=$((nodes + ways + rels))
  cpu=$(cpu_s "$dir/time-synth.txt")
  row="| $scale | $tiles | $nodes | $ways | $rels | $(awk "BEGIN{printf \"%.1f\", $bytes/1e6}") | $secs | $cpu"
  row+=" | $(awk "BEGIN{printf \"%.0f\", $objects/$secs}") | $(awk "BEGIN{c=$cpu; if (c<0.01) c=0.01; printf \"%.0f\", $objects/c}")"
  row+=" | $(awk "BEGIN{printf \"%.1f\", $bytes/1e6/$secs}") | $(peak_mb "$dir/time-synth.txt")"
  if [ "${SYNTH_BUILD:-0}" = 1 ] && [ -x "$bin/drivelog-map" ]; then
    map="$dir/synth-$scale.map"
    /usr/bin/time -v -o "$dir/time-build.txt" "$bin/drivelog-map" build --osm "$pbf" --out "$map" > "$dir/build-$scale.log" 2>&1
    row+=" | $(awk "BEGIN{printf \"%.1f\", $(stat -c %s "$map")/1e6}") | $(elapsed_s "$dir/time-build.txt") | $(cpu_s "$dir/time-build.txt") | $(peak_mb "$dir/time-build.txt") |"
    [ "${SYNTH_KEEP:-0}" = 1 ] || rm -f "$map"
  else
    row+=" | - | - | - | - |"
  fi
  echo "$row"
  [ "${SYNTH_KEEP:-0}" = 1 ] || rm -f "$pbf"
done
