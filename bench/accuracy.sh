#!/usr/bin/env bash
# Accuracy of the engine against simulated ground truth, for several sampling rates and noise levels.
#   bench/accuracy.sh [TRIPS]            (default 60 trips per setting)
# (Real OSM extracts and correlated, realistic GPS error: bench/accuracy-suite.sh.)
# Builds a synthetic town (drivelog-synth --scale small, drivelog-map build) once, then per setting
# simulates TRIPS drives (drivelog-simulate), analyses them (drivelog-analyze --matched) and
# evaluates (drivelog evaluate). Settings: ACCURACY_HZ (default "1 0.2") x ACCURACY_SIGMAS
# (default "5 10 20"). Files go to ${ACCURACY_DIR:-target/bench-accuracy}.
# Prints one Markdown table row per setting: precision/recall per type (true violations, and how
# many of the missed ones a receiver gap hides: recall leaves those out), totals with the recall
# over all true violations too, route fraction.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/target/native/bin"
dir="${ACCURACY_DIR:-$root/target/bench-accuracy}"
trips="${1:-60}"
# Several seeds (ACCURACY_SEEDS="1 2 3") are pooled into one row per setting: TRIPS per seed.
seeds="${ACCURACY_SEEDS:-${ACCURACY_SEED:-1}}"
source "$root/bench/town.sh"
require_tools bench/accuracy.sh "$bin" drivelog-synth drivelog-map drivelog-simulate drivelog-analyze
[ -f "$root/target/drivelog.jar" ] || { echo "bench/accuracy.sh: target/drivelog.jar missing; run ./mvnw package first" >&2; exit 1; }
command -v python3 >/dev/null || { echo "bench/accuracy.sh: python3 missing (formats the table)" >&2; exit 1; }
map="$(town_map "$dir" "$bin")"

types="speeding stop_sign wrong_way no_entry turn_restriction"
header="| Hz | sigma m | trips | fixes |"
rule="|---|---|---|---|"
for t in $types; do header+=" $t P / R |"; rule+="---|"; done
echo "$header total P / R | total recall incl. hidden | route correct |"
echo "$rule---|---|---|"
for hz in ${ACCURACY_HZ:-1 0.2}; do
  for sigma in ${ACCURACY_SIGMAS:-5 10 20}; do
    run="$dir/hz$hz-sigma$sigma"
    rm -rf "$run"
    mkdir -p "$run/sim" "$run/results"
    fixes=0
    for seed in $seeds; do
      part="$run/seed$seed"
      summary="$("$bin/drivelog-simulate" --map "$map" --trips "$trips" --seed "$seed" --hz "$hz" --noise-m "$sigma" \
        --violation-rate 0.5 --out "$part/sim")"
      fixes=$((fixes + $(sed -n 's/.*"fixes": \([0-9]*\).*/\1/p' <<<"$summary")))
      "$bin/drivelog-analyze" --map "$map" --matched --out "$part/results" "$part"/sim/*.csv > /dev/null
      # Pooled under names unique across seeds (evaluate pairs truth and result by file name).
      for f in "$part"/sim/*.truth.json "$part"/results/*.json; do
        ln -s "$f" "$(dirname "${f/$part/$run}")/s$seed-$(basename "$f")"
      done
    done
    # Bridge matched-way hand-overs of up to two sampling intervals; time slack of one interval (>= 2 s).
    bridge="$(awk "BEGIN{print 2 / $hz}")"
    slack="$(awk "BEGIN{s = 1 / $hz; print (s > 2 ? s : 2)}")"
    "$root/bin/drivelog" evaluate --truth "$run/sim" --results "$run/results" --bridge-s "$bridge" --slack-s "$slack" \
      > "$run/evaluation.json"
    python3 - "$run/evaluation.json" "$hz" "$sigma" "$(( trips * $(wc -w <<<"$seeds") ))" "$fixes" $types <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
hz, sigma, trips, fixes, types = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6:]
cells = [hz, sigma, trips, fixes]
for t in types + ["totals"]:
    c = report["totals"] if t == "totals" else report["per_type"][t]
    hidden = f"; {c['unobservable']} hidden" if c["unobservable"] else ""
    cells.append(f"{c['precision']:.3f} / {c['recall']:.3f} ({c['truth']}{hidden})")
cells.append(f"{report['totals']['recall_all']:.3f}")
cells.append(f"{report['route']['correct_fraction']:.3f}")
print("| " + " | ".join(cells) + " |")
PY
  done
done
