#!/usr/bin/env bash
# Map benchmarks (docs/BENCHMARKS.md, "Map"): build rate and peak memory, map bytes per road km,
# in-process open time, and the 4 KiB pages a 20 km drive's lookups touch in a Hilbert-ordered
# versus an input-order build of the same data.
#
#   bench/map_bench.sh                 shared extract + synthetic city (about 1 minute)
#   MAP_BENCH_COUNTRY=1 bench/map_bench.sh   also a >= 3 GB synthetic country (many minutes, ~4 GB disk)
#   MAP_BENCH_EXTRA_MAPS="a.dlmap b.dlmap"   also time opening these existing maps
#
# Needs the native build (src/main/cpp/build.sh) and /usr/bin/time. Work files go to
# ${MAP_BENCH_DIR:-target/bench-map} and are deleted at the end unless MAP_BENCH_KEEP=1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/target/native/bin"
dir="${MAP_BENCH_DIR:-$root/target/bench-map}"
extract="${MAP_BENCH_EXTRACT:-/work/shared/osm/baltimore.osm.pbf}"
[ -f "$extract" ] || extract="$root/src/test/resources/osm/harrisburg.osm.pbf"
[ -x "$bin/drivelog-map" ] || { echo "bench/map_bench.sh: $bin/drivelog-map missing; run src/main/cpp/build.sh first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench/map_bench.sh: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
mkdir -p "$dir"
[ "${MAP_BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$dir"' EXIT

# A number field of a one-line JSON document.
field() { sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p" <<<"$2" | head -1; }
peak_mb() { awk '/Maximum resident set size/ {printf "%.0f", $6/1024}' "$1"; }
elapsed_s() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; printf "%.2f", s}' "$1"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
echo

# Builds $1 into $2 (extra args after), 3 runs, prints the median run's row.
build_row() {
  local name="$1" osm="$2" map="$3"
  shift 3
  local rates=() json=""
  for run in 1 2 3; do
    json="$(/usr/bin/time -v -o "$dir/time.txt" "$bin/drivelog-map" build --osm "$osm" --out "$map" "$@" 2>/dev/null)"
    rates+=("$(field objects_per_second "$json") $(elapsed_s "$dir/time.txt") $(peak_mb "$dir/time.txt")")
  done
  local median
  median="$(printf '%s\n' "${rates[@]}" | sort -n | sed -n 2p)"
  local objects=$(( $(field osm_nodes "$json") + $(field osm_ways "$json") + $(field osm_relations "$json") ))
  local bytes road_km
  bytes="$(field bytes "$json")"
  road_km="$(field road_km "$json")"
  read -r rate wall rss <<<"$median"
  echo "| $name | $objects | $rate | $wall | $rss | $(awk "BEGIN{printf \"%.1f\", $bytes/1e6}") | $road_km | $(awk "BEGIN{printf \"%.0f\", $bytes/$road_km}") |"
}

echo "### Build (median of 3 runs)"
echo
echo "| input | OSM objects | objects/s (in-process) | wall s | peak RSS MB | map MB | road km | map bytes per road km |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
build_row "$(basename "$extract")" "$extract" "$dir/extract.dlmap"
if [ -x "$bin/drivelog-synth" ]; then
  "$bin/drivelog-synth" --seed 1 --scale city --out "$dir/city.osm.pbf" >/dev/null
  build_row "synthetic city (drivelog-synth --seed 1 --scale city)" "$dir/city.osm.pbf" "$dir/city.dlmap"
fi
if [ "${MAP_BENCH_COUNTRY:-0}" = 1 ] && [ -x "$bin/drivelog-synth" ]; then
  "$bin/drivelog-synth" --seed 1 --scale country --out "$dir/country.osm.pbf" >/dev/null
  json="$(/usr/bin/time -v -o "$dir/time.txt" "$bin/drivelog-map" build --osm "$dir/country.osm.pbf" --out "$dir/country.dlmap" 2>/dev/null)"
  objects=$(( $(field osm_nodes "$json") + $(field osm_ways "$json") + $(field osm_relations "$json") ))
  bytes="$(field bytes "$json")"; road_km="$(field road_km "$json")"
  echo "| synthetic country (--scale country, 1 run) | $objects | $(field objects_per_second "$json") | $(elapsed_s "$dir/time.txt") | $(peak_mb "$dir/time.txt") | $(awk "BEGIN{printf \"%.1f\", $bytes/1e6}") | $road_km | $(awk "BEGIN{printf \"%.0f\", $bytes/$road_km}") |"
  rm -f "$dir/country.osm.pbf"
fi
echo

echo "### Open (MapView::open + close in process)"
echo
echo "warm: 200 repeats with the file in the page cache; cold: the file's pages dropped from the page"
echo "cache first (posix_fadvise DONTNEED), one open, median of 5."
echo
echo "| map | bytes | warm median us | warm min us | cold median us |"
echo "|---|---:|---:|---:|---:|"
evict() { python3 -c "import os,sys; fd=os.open(sys.argv[1], os.O_RDONLY); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED); os.close(fd)" "$1"; }
for map in "$dir/extract.dlmap" "$dir/city.dlmap" "$dir/country.dlmap" ${MAP_BENCH_EXTRA_MAPS:-}; do
  [ -f "$map" ] || continue
  json="$("$bin/drivelog-map" open-time "$map" --repeat 200)"
  cold=()
  for run in 1 2 3 4 5; do
    sync "$map"
    evict "$map"
    cold+=("$(field open_close_us_first "$("$bin/drivelog-map" open-time "$map" --repeat 1)")")
  done
  cold_median="$(printf '%s\n' "${cold[@]}" | sort -n | sed -n 3p)"
  echo "| $(basename "$map") | $(field bytes "$json") | $(field open_close_us_median "$json") | $(field open_close_us_min "$json") | $cold_median |"
done
echo

echo "### Pages a 20 km drive touches (same route replayed on both builds)"
echo
pages_source="$extract"
[ -f "$dir/city.osm.pbf" ] && pages_source="$dir/city.osm.pbf"
"$bin/drivelog-map" build --osm "$pages_source" --out "$dir/pages-hilbert.dlmap" >/dev/null 2>&1
"$bin/drivelog-map" build --osm "$pages_source" --out "$dir/pages-input.dlmap" --input-order >/dev/null 2>&1
echo "map: $(basename "$pages_source")"
echo
echo "| seed | route km | points | Hilbert pages | input-order pages | input / Hilbert | map pages |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for seed in 1 2 3 4 5; do
  json="$("$bin/drivelog-map" pages "$dir/pages-hilbert.dlmap" "$dir/pages-input.dlmap" --route-km 20 --seed "$seed")"
  hilbert="$(sed -n 's/.*"order":"hilbert","pages":\([0-9]*\).*/\1/p' <<<"$json")"
  input="$(sed -n 's/.*"order":"input","pages":\([0-9]*\).*/\1/p' <<<"$json")"
  total="$(sed -n 's/.*"map_pages":\([0-9]*\).*/\1/p' <<<"$json" | head -1)"
  echo "| $seed | $(field route_km "$json") | $(field points "$json") | $hilbert | $input | $(awk "BEGIN{printf \"%.1f\", $input/$hilbert}") | $total |"
done
