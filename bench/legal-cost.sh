#!/usr/bin/env bash
# What reading the law costs a map build (issue 13): legal defaults from the dataset, regions from
# the boundaries data, time zones of the area. Builds the same synthetic region with a baseline
# drivelog-map (BASE_BIN, e.g. a build of main before the change) and with the current
# `bin/drivelog map build` (the Java time-zone step plus the native build), alternating, each under
# /usr/bin/time -v; prints map bytes, CPU seconds (user + sys, children included) and wall seconds.
#   BASE_BIN=/path/to/old/bin bench/legal-cost.sh [SCALE] [RUNS]     (default: city 3)
# CPU seconds are the figure to compare on a shared machine: wall time waits for cores.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scale="${1:-city}"
runs="${2:-3}"
base="${BASE_BIN:?set BASE_BIN to the directory of a baseline drivelog-map}"
dir="${LEGAL_BENCH_DIR:-$root/target/bench-legal}"
mkdir -p "$dir"
cpu_s() { awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.1f", s}' "$1"; }
elapsed_s() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; printf "%.1f", s}' "$1"; }
pbf="$dir/synth-$scale.osm.pbf"
[ -f "$pbf" ] || "$root/target/native/bin/drivelog-synth" --seed 1 --scale "$scale" --out "$pbf" > /dev/null
echo "| run | build | map bytes | CPU s | wall s |"
echo "|---|---|---:|---:|---:|"
for run in $(seq 1 "$runs"); do
  /usr/bin/time -v -o "$dir/time-base.txt" "$base/drivelog-map" build --osm "$pbf" --out "$dir/base.map" > /dev/null 2>&1
  echo "| $run | baseline | $(stat -c %s "$dir/base.map") | $(cpu_s "$dir/time-base.txt") | $(elapsed_s "$dir/time-base.txt") |"
  rm -f "$dir/base.map"
  /usr/bin/time -v -o "$dir/time-new.txt" "$root/bin/drivelog" map build --osm "$pbf" --out "$dir/new.map" > "$dir/new.json" 2> "$dir/new.err"
  echo "| $run | legal defaults + regions + time zones | $(stat -c %s "$dir/new.map") | $(cpu_s "$dir/time-new.txt") | $(elapsed_s "$dir/time-new.txt") |"
  rm -f "$dir/new.map"
done
grep "time zones" "$dir/new.err" || true
