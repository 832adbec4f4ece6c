# Sourced by the benchmarks that use the simulator's town (bench/accuracy.sh, bench/engine-town.sh).
# map_readable BIN MAP: whether MAP exists and this build reads it (a map of an older format
# version is refused: it is built again rather than failing every row).
map_readable() {
  [ -f "$2" ] && "$1/drivelog-map" info "$2" > /dev/null 2>&1
}

# town_map DIR BIN: prints the path of the town's map in DIR, making it first if missing or unreadable
# (drivelog-synth --seed 1 --scale small, then drivelog-map build; the log in DIR/map-build.log).
town_map() {
  local dir="$1" bin="$2"
  mkdir -p "$dir"
  if ! map_readable "$bin" "$dir/town.dlmap"; then
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
