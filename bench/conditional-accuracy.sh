#!/usr/bin/env bash
# Accuracy of the conditional restrictions (docs/CONDITIONAL.md) against simulated ground truth.
#   bench/conditional-accuracy.sh [TRIPS]        (default 240 trips per set)
# Two maps, both built with `bin/drivelog map build` (so they carry time zones):
#   tokyo  src/test/resources/osm/tokyo_shibuya_west.osm.pbf (11 conditional records, real values)
#   town   the synthetic town (drivelog-synth --seed 1 --scale small) with conditional tags added to
#          8 % of its residential, unclassified and tertiary streets (bench/conditional/add_conditional_tags.py)
# Per map two sets at 1 Hz, sigma 5 m, 30 s correlated error, trips starting one an hour from
# 2026-11-21T08:00Z (every hour of the day): "injected" (--violation-rate 0 --conditional-rate 1
# --min-separation-m 12: one detour per trip into a road whose rules depend on the time, closed or
# one-way against the car when it gets there) and "legal" (--violation-rate 0: legal drives, which
# may use such roads while they are open). Prints a Markdown table: per set the no_entry and wrong_way
# decided by a conditional rule (evaluate's per_conditional_type), those on time-dependent roads
# decided by the plain tags (per_type minus those), false alarms per 1,000 km, trips that drove a
# time-dependent road. Files go to ${CONDITIONAL_DIR:-target/bench-conditional}.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/target/native/bin"
dir="${CONDITIONAL_DIR:-$root/target/bench-conditional}"
trips="${1:-240}"
source "$root/bench/town.sh"
require_tools bench/conditional-accuracy.sh "$bin" drivelog-synth drivelog-simulate drivelog-analyze
[ -f "$root/target/drivelog.jar" ] || { echo "bench/conditional-accuracy.sh: target/drivelog.jar missing; run ./mvnw package first" >&2; exit 1; }
command -v python3 >/dev/null || { echo "bench/conditional-accuracy.sh: python3 missing" >&2; exit 1; }
mkdir -p "$dir"

# Maps, and the OSM way ids with a conditional tag (to count the drives that used one).
cp "$root/src/test/resources/osm/tokyo_shibuya_west.osm.pbf" "$dir/tokyo.osm.pbf"
"$bin/drivelog-synth" --seed 1 --scale small --out "$dir/town-plain.osm" > /dev/null
python3 "$root/bench/conditional/add_conditional_tags.py" "$dir/town-plain.osm" "$dir/town.osm" 0.08 1 > "$dir/town-tags.json"
for name in tokyo town; do
  osm="$dir/$name.osm"; [ -f "$osm" ] || osm="$dir/$name.osm.pbf"
  "$root/bin/drivelog" map build --osm "$osm" --out "$dir/$name.dlmap" > "$dir/$name-map-build.log" 2>&1
done

echo "| map | set | trips | km | conditional no_entry P / R (truth) | conditional wrong_way P / R (truth) | plain-decided on time-dependent roads: no_entry, wrong_way found / truth | false alarms per 1,000 km (conditional) | trips on a road with a conditional tag |"
echo "|---|---|---|---|---|---|---|---|---|"
for name in tokyo town; do
  for set in injected legal; do
    run="$dir/$name-$set"
    rm -rf "$run"
    if [ "$set" = injected ]; then
      extra=(--seed 3 --violation-rate 0 --conditional-rate 1 --min-separation-m 12)
    else
      extra=(--seed 1 --violation-rate 0)
    fi
    "$bin/drivelog-simulate" --map "$dir/$name.dlmap" --out "$run/sim" --trips "$trips" --hz 1 --noise-m 5 \
      --noise-correlation-s 30 "${extra[@]}" > "$run.summary.json"
    "$bin/drivelog-analyze" --map "$dir/$name.dlmap" --matched --out "$run/results" "$run"/sim/*.csv > /dev/null
    "$root/bin/drivelog" evaluate --truth "$run/sim" --results "$run/results" > "$run/evaluation.json"
    osm="$dir/$name.osm"; [ -f "$osm" ] || osm="$dir/$name.osm.pbf"
    python3 - "$run" "$name" "$set" "$trips" "$osm" <<'PY'
import glob, json, re, subprocess, sys
run, name, set_name, trips, osm = sys.argv[1:]
report = json.load(open(run + "/evaluation.json"))
if osm.endswith(".pbf"):
    text = subprocess.run(["osmium", "cat", "-f", "osm", osm], capture_output=True, text=True, check=True).stdout
else:
    text = open(osm, encoding="utf-8").read()
conditional_ways = {int(m.group(1)) for m in re.finditer(r'<way id="(\d+)"[^>]*>(?:(?!</way>).)*?:conditional"', text, re.S)}
used = 0
for f in glob.glob(run + "/sim/*.truth.json"):
    truth = json.load(open(f))
    used += any(e["osm_way_id"] in conditional_ways for e in truth["route"])
cond, per_type = report["per_conditional_type"], report["per_type"]
def pr(c):
    return f"{c['precision']:.3f} / {c['recall']:.3f} ({c['truth']})"
plain = [(per_type[t]["matched"] - cond[t]["matched"], per_type[t]["truth"] - cond[t]["truth"]) for t in ("no_entry", "wrong_way")]
conditional_false = sum(cond[t]["found"] - cond[t]["matched"] for t in cond)
km = report["route"]["truth_length_m"] / 1000
print(f"| {name} | {set_name} | {trips} | {km:.0f} | {pr(cond['no_entry'])} | {pr(cond['wrong_way'])} | "
      f"{plain[0][0]} / {plain[0][1]}, {plain[1][0]} / {plain[1][1]} | "
      f"{report['totals']['false_alarms_per_1000_km']:.1f} ({conditional_false / km * 1000:.1f}) | {used} |")
PY
  done
done
