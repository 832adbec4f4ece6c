# Sourced by the benchmarks that use the simulator's town (bench/accuracy.sh, bench/engine-town.sh).
# town_map DIR BIN: prints the path of the town's map in DIR, making it first if missing
# (drivelog-synth --seed 1 --scale small, then drivelog-map build; the log in DIR/map-build.log).
town_map() {
  local dir="$1" bin="$2"
  mkdir -p "$dir"
  if [ ! -f "$dir/town.dlmap" ]; then
    "$bin/drivelog-synth" --seed 1 --scale small --out "$dir/town.osm.pbf" > /dev/null
    "$bin/drivelog-map" build --osm "$dir/town.osm.pbf" --out "$dir/town.dlmap" > "$dir/map-build.log" 2>&1
  fi
  echo "$dir/town.dlmap"
}

# require_tools SCRIPT BIN TOOL...: exits with a message naming the first native tool not built.
require_tools() {
  local script="$1" bin="$2" tool
  shift 2
  for tool in "$@"; do
    [ -x "$bin/$tool" ] || { echo "$script: $bin/$tool missing; run src/main/cpp/build.sh first" >&2; exit 1; }
  done
}
