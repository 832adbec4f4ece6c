#!/usr/bin/env bash
# End to end against the engine alone: points per CPU-second of `drivelog analyze` (the JVM process
# as users run it: reading, splitting, FFM, result files) next to the native engine's own figure on
# the same trips, in one run (docs/BENCHMARKS.md, "End to end").
#   bench/analyze-e2e.sh [FLEET_TRIPS] [SMALL_FILES]        defaults 1000 and 50
# Inputs, made once under ${E2E_DIR:-target/bench-e2e} with the project's own tools: the town map
# (drivelog-synth --scale small --seed 1), FLEET_TRIPS simulated drives (seed 1, 1 Hz, sigma 5 m,
# violation rate 0.5; ~444 fixes each) written as one fleet file per format, and SMALL_FILES drives of
# 4-5 km (seed 2; ~500 fixes) as one file each (src/test/java/dev/drivelog/logs/SimulatedLogFormats.java
# rewrites the simulator's CSV as JSON Lines, GPX and NMEA; CSV and JSON Lines fleets have 100
# vehicles driving at once). The set "single" (not run by default) is the first of the small files alone:
# what one command costs where start-up dominates.
# Measured, one thread (--threads 1), CPU = user + system time of the whole process (/usr/bin/time):
#   engine       drivelog-analyze --stats on the simulator's CSVs: points / CPU inside drivelog_analyze
#                (what the engine costs), and its whole process (a C++ process reading CSV itself);
#   e2e whole    drivelog analyze on the file(s): points / CPU of the whole JVM process, start-up included;
#   e2e steady   the same input given twice (a renamed copy): points of one copy / the CPU the second copy
#                added, so start-up, map opening and most JIT warm-up cancel out.
# Env: E2E_FORMATS (default "csv jsonl gpx nmea"), E2E_MATCHED (default "no yes"), E2E_SETS
# (default "fleet small"), E2E_REPEAT (default 1: each run that many times, the median CPU taken,
# once and twice alternating), E2E_PROFILE=1 also records a JFR profile of the fleet CSV (twice, in a run
# of its own) and summarises it (bench/JfrProfileSummary.java), E2E_JAVA_OPTS extra JVM options for drivelog analyze,
# E2E_HOMES the builds to measure, side by side in the same run, as space-separated LABEL=DIR (each DIR
# with drivelog.jar, lib/, lib-demo/, native/lib/ and, for --mode process, native/bin/drivelog-analyze,
# passed to bin/drivelog as DRIVELOG_HOME; e.g. a copy
# of target/ made at main before a change: "main=/tmp/home-main branch=target"); default this=target.
# Each (set, format, matched) is measured round by round, every build in turn within a round, so that
# the ratios between builds come from the same minutes of machine load.
# Prints one JSON line per measurement and a table at the end; the load average is printed first and last.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/target/native/bin"
dir="${E2E_DIR:-$root/target/bench-e2e}"
fleet_trips="${1:-1000}"
small_files="${2:-50}"
formats="${E2E_FORMATS:-csv jsonl gpx nmea}"
matched_modes="${E2E_MATCHED:-no yes}"
sets="${E2E_SETS:-fleet small}"
repeat="${E2E_REPEAT:-1}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
source "$root/bench/town.sh"
source "$root/bench/e2e-inputs.sh"
require_tools bench/analyze-e2e.sh "$bin" drivelog-synth drivelog-map drivelog-simulate drivelog-analyze
[ -x /usr/bin/time ] || { echo "bench/analyze-e2e.sh: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
read -r -a homes <<< "${E2E_HOMES:-this=$root/target}"
for labelled in "${homes[@]}"; do
  home="${labelled#*=}"
  [ -f "$home/drivelog.jar" ] || { echo "bench/analyze-e2e.sh: $home/drivelog.jar missing; run ./mvnw package -DskipTests" >&2; exit 1; }
done

map="$(town_map "$dir" "$bin")"
inputs="$(e2e_inputs "$dir" "$bin" "$map" "$fleet_trips" "$small_files")"

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "{\"load_average_start\":\"$(load)\",\"nproc\":$(nproc),\"builds\":\"${homes[*]}\"}"

# timed OUT_FILE COMMAND...: runs it under /usr/bin/time; stdout discarded, stderr kept in OUT_FILE.err.
timed() {
  local out="$1"
  shift
  /usr/bin/time -f 'cpu_s=%U+%S wall_s=%e max_rss_kib=%M' -o "$out.time" "$@" > /dev/null 2> "$out.err" || {
    echo "bench/analyze-e2e.sh: failed: $*" >&2
    tail -5 "$out.err" >&2
    exit 1
  }
}
cpu_seconds() { sed -n 's/.*cpu_s=\([0-9.]*\)+\([0-9.]*\).*/\1 \2/p' "$1.time" | awk '{printf "%.3f", $1 + $2}'; }
rss_kib() { sed -n 's/.*max_rss_kib=\([0-9]*\).*/\1/p' "$1.time"; }
stat_field() { sed -n "s/.*\"$2\":\([0-9.]*\).*/\1/p" "$1.err" | tail -1; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%.3f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b > 0 ? a / b : 0) }'; }

work="$dir/work"
rm -rf "$work"
mkdir -p "$work"
table=()
for m in $matched_modes; do
  flag=()
  [ "$m" = yes ] && flag=(--matched)
  for set in $sets; do
    # The engine alone on the simulator's CSVs of this set.
    if [ "$set" = single ]; then
      sim=("$inputs/small-sim"/*.csv)
      sim=("${sim[0]}")
    else
      sim=("$inputs/$set-sim"/*.csv)
    fi
    out="$work/engine-$set-$m"
    timed "$out" "$bin/drivelog-analyze" --map "$map" --threads 1 --stats "${flag[@]}" --out "$out.d" "${sim[@]}"
    engine_points="$(stat_field "$out" points)"
    engine_pps="$(stat_field "$out" points_per_cpu_second)"
    engine_whole_cpu="$(cpu_seconds "$out")"
    echo "{\"what\":\"engine\",\"set\":\"$set\",\"matched\":\"$m\",\"files\":${#sim[@]},\"points\":$engine_points,\"engine_points_per_cpu_second\":$engine_pps,\"process_cpu_s\":$engine_whole_cpu,\"process_points_per_cpu_second\":$(ratio "$engine_points" "$engine_whole_cpu"),\"max_rss_kib\":$(rss_kib "$out")}"
    for f in $formats; do
      if [ "$set" = fleet ]; then
        once=("$inputs/fleet.$f")
        twice=("$inputs/fleet.$f" "$inputs/fleet-again.$f")
      elif [ "$set" = single ]; then
        once=("$inputs/small-$f"/*)
        twice=("$inputs/small-$f-again"/*)
        once=("${once[0]}")
        twice=("${once[0]}" "${twice[0]}")
      else
        once=("$inputs/small-$f"/*)
        twice=("$inputs/small-$f"/* "$inputs/small-$f-again"/*)
      fi
      # Round by round, every build in turn: a build's repeats spread over the same minutes as the
      # others', so that a load that rises or falls during the run weighs on each alike.
      declare -A runs_once=() runs_twice=()
      for ((r = 0; r < repeat; r++)); do
        for labelled in "${homes[@]}"; do
          build="${labelled%%=*}"
          home="${labelled#*=}"
          for n in once twice; do
            out="$work/e2e-$build-$set-$f-$m-$n"
            if [ "$n" = once ]; then files=("${once[@]}"); else files=("${twice[@]}"); fi
            rm -rf "$out.d"
            DRIVELOG_HOME="$home" DRIVELOG_JAVA_OPTS="${E2E_JAVA_OPTS:-}" timed "$out" "$root/bin/drivelog" analyze --map "$map" \
              --threads 1 --stats "${flag[@]}" --out "$out.d" "${files[@]}"
            if [ "$n" = once ]; then runs_once[$build]+="$(cpu_seconds "$out") "; else runs_twice[$build]+="$(cpu_seconds "$out") "; fi
          done
        done
      done
      for labelled in "${homes[@]}"; do
        build="${labelled%%=*}"
        home="${labelled#*=}"
        read -r -a cpus_once <<< "${runs_once[$build]}"
        read -r -a cpus_twice <<< "${runs_twice[$build]}"
        p1="$(stat_field "$work/e2e-$build-$set-$f-$m-once" points)"
        p2="$(stat_field "$work/e2e-$build-$set-$f-$m-twice" points)"
        c1="$(median "${cpus_once[@]}")"
        c2="$(median "${cpus_twice[@]}")"
        whole="$(ratio "$p1" "$c1")"
        steady="$(awk -v p1="$p1" -v p2="$p2" -v c1="$c1" -v c2="$c2" 'BEGIN { d = c2 - c1; printf "%.0f", (d > 0 ? (p2 - p1) / d : 0) }')"
        n_files="${#once[@]}"
        # Per input beyond the engine: the CPU the second copy added per file, less the engine's own CPU per file.
        per_input_ms="$(awk -v c1="$c1" -v c2="$c2" -v n="$n_files" -v p="$engine_points" -v e="$engine_pps" \
          'BEGIN { printf "%.2f", ((c2 - c1) - p / e) / n * 1000 }')"
        engine_ms_per_file="$(awk -v p="$engine_points" -v e="$engine_pps" -v n="${#sim[@]}" 'BEGIN { printf "%.2f", p / e / n * 1000 }')"
        echo "{\"what\":\"e2e\",\"build\":\"$build\",\"set\":\"$set\",\"format\":\"$f\",\"matched\":\"$m\",\"files\":$n_files,\"points\":$p1,\"cpu_s_once\":$c1,\"cpu_s_twice\":$c2,\"cpu_s_once_runs\":\"${cpus_once[*]}\",\"cpu_s_twice_runs\":\"${cpus_twice[*]}\",\"whole_points_per_cpu_second\":$whole,\"steady_points_per_cpu_second\":$steady,\"steady_vs_engine\":$(awk -v s="$steady" -v e="$engine_pps" 'BEGIN { printf "%.3f", s / e }'),\"whole_vs_engine_process\":$(awk -v w="$whole" -v p="$engine_points" -v c="$engine_whole_cpu" 'BEGIN { printf "%.3f", w / (p / c) }'),\"per_input_overhead_ms\":$per_input_ms,\"engine_ms_per_input\":$engine_ms_per_file,\"max_rss_kib\":$(rss_kib "$work/e2e-$build-$set-$f-$m-once")}"
        table+=("| $build | $set | $f | $m | $p1 | $engine_pps | $steady | $(awk -v s="$steady" -v e="$engine_pps" 'BEGIN { printf "%.0f %%", 100 * s / e }') | $whole | $(ratio "$engine_points" "$engine_whole_cpu") | $per_input_ms | $engine_ms_per_file |")
        if [ "${E2E_PROFILE:-0}" = 1 ] && [ "$set" = fleet ] && [ "$f" = csv ]; then
          # A run of its own: the recording's cost stays out of the figures above.
          jfr="$work/profile-$build-$set-$f-$m.jfr"
          out="$work/profile-$build-$set-$f-$m"
          DRIVELOG_HOME="$home" DRIVELOG_JAVA_OPTS="${E2E_JAVA_OPTS:-} -XX:StartFlightRecording=filename=$jfr,settings=profile" \
            timed "$out" "$root/bin/drivelog" analyze --map "$map" --threads 1 "${flag[@]}" --out "$out.d" "${twice[@]}"
          echo "JFR profile of drivelog analyze ($build), fleet CSV twice, matched=$m ($jfr):"
          # The result's round trip (parse the engine's JSON, write the files, the trip's own JSON file), inclusive.
          "$java" "$root/bench/JfrProfileSummary.java" "$jfr" 25 dev.drivelog.analysis.result.TripResultParser.parse \
            dev.drivelog.output.ResultFiles.write dev.drivelog.output.ResultFiles.finish dev.drivelog.cli.TripResultDirectory.write
        fi
      done
    done
  done
done
echo "{\"load_average_end\":\"$(load)\"}"
echo
echo "| build | set | format | matched | points | engine pts/CPU-s | e2e steady pts/CPU-s | steady / engine | e2e whole process pts/CPU-s | engine whole process pts/CPU-s | per-input overhead ms | engine ms per input |"
echo "|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${table[@]}"
