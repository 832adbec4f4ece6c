#!/usr/bin/env bash
# Precision and recall of the driving events (harsh_braking, harsh_acceleration, harsh_cornering,
# curve_overspeed) on simulated drives, and their false findings per 1,000 km on legal drives.
# usage: bench/events.sh [--curve] [TRIPS] [MAP_NAME...]   (maps: town, or extracts in /work/shared/osm by name)
# --curve: how precision, recall and the share judged fall as fixes thin out (1, 0.5, 0.33 and 0.2 Hz), with
# and without reported speeds, instead of the fixed table's rows.
# Needs src/main/cpp/build.sh and ./mvnw package (drivelog evaluate). Figures: docs/BENCHMARKS.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/target/native/bin"
dir="${EVENTS_DIR:-$root/target/bench-events}"
osm="${EVENTS_OSM_DIR:-/work/shared/osm}"
curve=no
if [ "${1:-}" = --curve ]; then curve=yes; shift; fi
trips="${1:-100}"
shift || true
maps=("${@:-town}")
source "$root/bench/town.sh"
require_tools bench/events.sh "$bin" drivelog-synth drivelog-map drivelog-simulate drivelog-analyze
[ -f "$root/target/drivelog.jar" ] || { echo "bench/events.sh: target/drivelog.jar missing; run ./mvnw package first" >&2; exit 1; }

map_file() {
  if [ "$1" = town ]; then town_map "$dir" "$bin"; return; fi
  mkdir -p "$dir"  # an extract first: nothing has made the directory yet
  [ -f "$dir/$1.dlmap" ] || "$bin/drivelog-map" build --osm "$osm/$1.osm.pbf" --out "$dir/$1.dlmap" > "$dir/$1.build.log" 2>&1
  echo "$dir/$1.dlmap"
}

# run NAME MAP HZ ANALYZE_SET SIM_ARGS...: one row of the table.
run() {
  local name="$1" map="$2" hz="$3" set="$4"
  shift 4
  local run="$dir/$name"
  rm -rf "$run"
  mkdir -p "$run"
  "$bin/drivelog-simulate" --map "$map" --trips "$trips" --seed 1 --hz "$hz" --noise-m 5 --violation-rate 0 \
    --curve-lateral-accel-mps2 2.5 "$@" --out "$run/sim" > /dev/null
  "$bin/drivelog-analyze" --map "$map" --matched ${set:+--set "$set"} --out "$run/results" "$run"/sim/*.csv > /dev/null
  local slack bridge
  slack="$(awk "BEGIN{s = 1 / $hz; print (s > 2 ? s : 2)}")"
  bridge="$(awk "BEGIN{print 2 / $hz}")"
  "$root/bin/drivelog" evaluate --truth "$run/sim" --results "$run/results" --bridge-s "$bridge" --slack-s "$slack" \
    > "$run/evaluation.json"
  python3 - "$run/evaluation.json" "$name" "$run/results" "$curve" <<'PY'
import glob, json, sys
r = json.load(open(sys.argv[1]))
results, coverage = sys.argv[3], sys.argv[4] == "yes"


def coverage_cells(folder):
    """The share of matched driving time the engine judged braking, acceleration and cornering for, and
    the curves it judged (each trip's summary.events): what is not judged is undecided, not guessed."""
    decided = undecided = judged = unjudged = 0
    for path in glob.glob(folder + "/*.json"):
        c = json.load(open(path)).get("summary", {}).get("events") or {}
        decided += c.get("decided_s", 0)
        undecided += c.get("undecided_s", 0)
        judged += c.get("curves_judged", 0)
        unjudged += c.get("curves_undecided", 0)
    time_share = decided / (decided + undecided) if decided + undecided else 0
    curve_share = judged / (judged + unjudged) if judged + unjudged else 0
    return [f"{time_share:.2f}", f"{curve_share:.2f} ({judged + unjudged})"]


km = r["route"]["truth_length_m"] / 1000
cells = [sys.argv[2], f"{km:.0f}"]
for t in ["harsh_braking", "harsh_acceleration", "harsh_cornering", "curve_overspeed"]:
    c = r["per_event_type"][t]
    false_found = c["found"] - c["matched"]
    cells.append(f"{c['precision']:.3f} / {c['recall']:.3f} ({c['truth']}; {false_found / km * 1000:.1f} false /1000 km)")
if coverage:
    cells += coverage_cells(results)
print("| " + " | ".join(cells) + " |")
PY
}

if [ "$curve" = yes ]; then
  echo "| run | km | harsh_braking P / R | harsh_acceleration P / R | harsh_cornering P / R | curve_overspeed P / R | time judged | curves judged |"
  echo "|---|---|---|---|---|---|---|---|"
  for name in "${maps[@]}"; do
    map="$(map_file "$name")"
    for hz in 1 0.5 0.33 0.2; do
      for speeds in yes no; do
        label="$name-${hz}hz"; [ "$speeds" = no ] && label="$label-nospeed"
        run "$label-events" "$map" "$hz" "" --event-rate 0.5 --fast-curve-rate 0.8 --report-speed "$speeds"
        run "$label-legal" "$map" "$hz" "" --report-speed "$speeds"
      done
    done
  done
  exit 0
fi

echo "| run | km | harsh_braking P / R | harsh_acceleration P / R | harsh_cornering P / R | curve_overspeed P / R |"
echo "|---|---|---|---|---|---|"
for name in "${maps[@]}"; do
  map="$(map_file "$name")"
  run "$name-1hz-events" "$map" 1 "" --event-rate 0.5
  run "$name-1hz-correlated-events" "$map" 1 "" --event-rate 0.5 --noise-correlation-s 30
  run "$name-1hz-legal" "$map" 1 ""
  run "$name-0.2hz-curves" "$map" 0.2 "" --fast-curve-rate 0.8
  run "$name-0.2hz-legal" "$map" 0.2 ""
  run "$name-0.2hz-curves-bound" "$map" 0.2 "events.curve_without_dense_speeds=true" --fast-curve-rate 0.8
  run "$name-0.2hz-nospeed-curves" "$map" 0.2 "" --fast-curve-rate 0.8 --report-speed no
  run "$name-0.2hz-nospeed-curves-bound" "$map" 0.2 "events.curve_without_dense_speeds=true" --fast-curve-rate 0.8 --report-speed no
  run "$name-1hz-nospeed-curves-bound" "$map" 1 "events.curve_without_dense_speeds=true" --fast-curve-rate 0.8 --report-speed no
  run "$name-0.2hz-nospeed-legal-bound" "$map" 0.2 "events.curve_without_dense_speeds=true" --report-speed no
  run "$name-1hz-nospeed-legal-bound" "$map" 1 "events.curve_without_dense_speeds=true" --report-speed no
done
