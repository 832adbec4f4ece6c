#!/usr/bin/env bash
# The fleet page over simulated drives of a fleet (docs/BENCHMARKS.md, "Fleet page"; docs/REPORT.md):
# builds a map from an OSM extract, simulates TRIPS drives, gives them to VEHICLES vehicles over DAYS
# days at different hours (the simulator writes one anonymous trip per file, all at 08:00 on one day),
# analyses them and builds the fleet page in English and Japanese, timing each step.
#   bench/fleet-page.sh [OSM] [WORKDIR]     (TRIPS=1000 VEHICLES=50 DAYS=20 RATE=0.03 SEED=15)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
osm=${1:-/work/shared/osm/tokyo_shibuya_west.osm.pbf}
work=${2:-target/bench-fleet}
trips=${TRIPS:-1000} vehicles=${VEHICLES:-50} days=${DAYS:-20} rate=${RATE:-0.03} seed=${SEED:-15}
mkdir -p "$work"
bin/drivelog map build --osm "$osm" --out "$work/map.dlmap" > "$work/map.json"
rm -rf "$work/sim" "$work/logs" "$work/results"
bin/drivelog simulate --map "$work/map.dlmap" --trips "$trips" --seed "$seed" --hz 1 --noise-m 5 \
  --violation-rate "$rate" --out "$work/sim" > "$work/sim.json"
mkdir -p "$work/logs"
# Trip i: vehicle i mod VEHICLES, day i / VEHICLES mod DAYS from 2026-11-02, start hour 06..21.
python3 - "$work" "$vehicles" "$days" <<'PY'
import datetime, pathlib, sys
work, vehicles, days = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
for i, csv in enumerate(sorted((work / "sim").glob("sim-*.csv"))):
    day = datetime.date(2026, 11, 2) + datetime.timedelta(days=(i // vehicles) % days)
    shift = datetime.timedelta(hours=(i * 7 + i // vehicles) % 16 - 2)
    lines = csv.read_text().splitlines()
    out = ["vehicle_id," + lines[0]]
    for line in lines[1:]:
        time, rest = line.split(",", 1)
        at = datetime.datetime.fromisoformat(time.replace("Z", "+00:00"))
        at = datetime.datetime.combine(day, at.time(), at.tzinfo) + shift
        out.append(f"car-{i % vehicles:02d},{at.strftime('%Y-%m-%dT%H:%M:%S.%f')[:-3]}Z,{rest}")
    (work / "logs" / csv.name).write_text("\n".join(out) + "\n")
PY
start=$(date +%s.%N)
bin/drivelog analyze --map "$work/map.dlmap" --out "$work/results" "$work"/logs/*.csv > "$work/analyze.txt"
echo "analyze: $(echo "$(date +%s.%N) - $start" | bc) s"
for language in en ja; do
  start=$(date +%s.%N)
  bin/drivelog report --fleet "$work/results" --map "$work/map.dlmap" --out "$work/fleet-$language.html" \
    --language "$language" --time-zone Asia/Tokyo
  echo "report --fleet ($language): $(echo "$(date +%s.%N) - $start" | bc) s, $(stat -c %s "$work/fleet-$language.html") bytes"
done
