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
#   e2e whole    drivelog analyze on the file(s) once: points / CPU of the whole JVM process, start-up included;
#   e2e steady   the CPU one more copy of the input costs, fitted over runs with different numbers of
#                renamed copies of it in one process (E2E_COPIES, default "1 5": the input alone, and it
#                with four renamed copies): the least-squares slope of CPU-s against copies over every
#                run of a build; points of one copy / that slope. Start-up, map opening and most JIT
#                warm-up are in the intercept. With "1 2" this is the older "twice - once", a difference
#                of two noisy runs; with "1 5" the same run-to-run noise is spread over four copies. Each
#                round also gives a slope of its own; their range is printed as the spread.
#   in-process   the same cost read inside the run with the most copies: drivelog analyze --stats prints the
#                process's CPU per input (input_cpu_s, every thread, JIT and GC included); a copy's figure is
#                the median over copies 2..N of that run (the first pays for start-up and warm-up), then the
#                median over the rounds. No start-up in it at all, so it varies less than the fit (both given).
# Env: E2E_FORMATS (default "csv jsonl gpx nmea"), E2E_MATCHED (default "no yes"), E2E_SETS
# (default "fleet small"), E2E_COPIES (default "1 5"; two or more copy counts), E2E_REPEAT (default 1:
# rounds; in each round every build runs every copy count, the builds in turn and their order
# alternating round by round), E2E_PROFILE=1 also records a JFR profile of the fleet CSV (twice, in a run
# of its own; E2E_PROFILE_PERIOD sets the sampling period, e.g. 1ms, default the profile setting's) and
# summarises it (bench/JfrProfileSummary.java), E2E_JAVA_OPTS extra JVM options for drivelog analyze,
# E2E_HOMES the builds to measure, side by side in the same run, as space-separated LABEL=DIR (each DIR
# with drivelog.jar, lib/, lib-demo/, native/lib/ and, for --mode process, native/bin/drivelog-analyze,
# passed to bin/drivelog as DRIVELOG_HOME; e.g. a copy
# of target/ made at main before a change: "main=/tmp/home-main branch=target"); default this=target.
# With two or more builds, each build after the first is also compared with the first round by round:
# the difference of the two builds' slopes within a round (CPU-s per copy), median and range over the
# rounds. Two homes of the same commit give the method's own spread (docs/BENCHMARKS.md, "The result's
# round trip").
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
read -r -a copy_counts <<< "${E2E_COPIES:-1 5}"
[ "${#copy_counts[@]}" -ge 2 ] || { echo "bench/analyze-e2e.sh: E2E_COPIES needs two or more copy counts" >&2; exit 1; }
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
# in_process_copy OUT FILES_A_COPY: the median CPU-s of copies 2..N in run OUT's input_cpu_s; "nan" without it.
in_process_copy() {
  local values
  values="$(sed -n 's/.*"input_cpu_s":\[\([^]]*\)\].*/\1/p' "$1.err" | tail -1 | awk -F, -v n="$2" '
    NF > 0 { for (c = 2; c * n <= NF; c++) { s = 0; for (i = (c - 1) * n + 1; i <= c * n; i++) s += $i; print s } }')"
  if [ -n "$values" ]; then median $values; else echo nan; fi
}
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
      # The input's files, and renamed copies of them (symbolic links: the same bytes, another input name).
      if [ "$set" = fleet ]; then
        base=("$inputs/fleet.$f")
      elif [ "$set" = single ]; then
        base=("$inputs/small-$f"/*)
        base=("${base[0]}")
      else
        base=("$inputs/small-$f"/*)
      fi
      copies_dir="$work/copies-$set-$f"
      max_copies="$(printf '%s\n' "${copy_counts[@]}" | sort -n | tail -1)"
      mkdir -p "$copies_dir"
      for ((k = 2; k <= max_copies; k++)); do
        for file in "${base[@]}"; do ln -sf "$file" "$copies_dir/copy$k-$(basename "$file")"; done
      done
      # files_of N: the input and N-1 renamed copies.
      files_of() {
        local k
        printf '%s\n' "${base[@]}"
        for ((k = 2; k <= $1; k++)); do
          for file in "${base[@]}"; do printf '%s\n' "$copies_dir/copy$k-$(basename "$file")"; done
        done
      }
      # Round by round, every build in turn (the order alternating): a build's runs spread over the same
      # minutes as the others', so that a load that rises or falls during the run weighs on each alike.
      declare -A runs=() slopes_of=() inproc=()
      for ((r = 0; r < repeat; r++)); do
        order=("${homes[@]}")
        if ((r % 2 == 1)); then
          order=()
          for ((i = ${#homes[@]} - 1; i >= 0; i--)); do order+=("${homes[$i]}"); done
        fi
        for labelled in "${order[@]}"; do
          build="${labelled%%=*}"
          home="${labelled#*=}"
          for n in "${copy_counts[@]}"; do
            out="$work/e2e-$build-$set-$f-$m-$n"
            mapfile -t files < <(files_of "$n")
            rm -rf "$out.d"
            DRIVELOG_HOME="$home" DRIVELOG_JAVA_OPTS="${E2E_JAVA_OPTS:-}" timed "$out" "$root/bin/drivelog" analyze --map "$map" \
              --threads 1 --stats "${flag[@]}" --out "$out.d" "${files[@]}"
            rm -rf "$out.d"
            # "round copies cpu" triples, one per run.
            runs[$build]+="$r $n $(cpu_seconds "$out") "
            [ "$n" = "$max_copies" ] && inproc[$build]+="$(in_process_copy "$out" "${#base[@]}") "
          done
        done
      done
      first_build="${homes[0]%%=*}"
      for labelled in "${homes[@]}"; do
        build="${labelled%%=*}"
        home="${labelled#*=}"
        n1="${copy_counts[0]}"
        p1="$(stat_field "$work/e2e-$build-$set-$f-$m-$n1" points)"
        p_copy="$(awk -v p="$p1" -v n="$n1" 'BEGIN { printf "%.0f", p / n }')"
        # The slope over every run, each round's own slope, and (against the first build) the per-round differences.
        fit="$(echo "${runs[$build]}" | awk '
          { for (i = 1; i + 2 <= NF; i += 3) { r = $i; x = $(i + 1); y = $(i + 2)
              n++; sx += x; sy += y; sxx += x * x; sxy += x * y
              rn[r]++; rsx[r] += x; rsy[r] += y; rsxx[r] += x * x; rsxy[r] += x * y } }
          END {
            slope = (n * sxy - sx * sy) / (n * sxx - sx * sx)
            out = ""
            for (r = 0; r in rn; r++) {
              s = (rn[r] * rsxy[r] - rsx[r] * rsy[r]) / (rn[r] * rsxx[r] - rsx[r] * rsx[r])
              out = out sprintf("%s%.3f", (r ? " " : ""), s)
            }
            printf "%.4f %.3f|%s", slope, (sy - slope * sx) / n, out
          }')"
        slope="${fit%% *}"
        rest="${fit#* }"
        intercept="${rest%%|*}"
        round_slopes="${fit#*|}"
        read -r -a rs <<< "$round_slopes"
        spread="$(printf '%s\n' "${rs[@]}" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s..%s", lo, hi }')"
        slopes_of[$build]="$round_slopes"
        vs_first="null"
        vs_first_text="-"
        if [ "$build" != "$first_build" ]; then
          read -r -a fs <<< "${slopes_of[$first_build]}"
          diffs=()
          for ((i = 0; i < ${#rs[@]}; i++)); do diffs+=("$(awk -v a="${rs[$i]}" -v b="${fs[$i]}" 'BEGIN { printf "%.3f", a - b }')"); done
          dmed="$(median "${diffs[@]}")"
          drange="$(printf '%s\n' "${diffs[@]}" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s..%s", lo, hi }')"
          vs_first="\"$dmed ($drange)\""
          vs_first_text="$dmed ($drange)"
        fi
        # In process: per round a copy's CPU inside the run with the most copies; against the first build round by round.
        read -r -a ip <<< "${inproc[$build]}"
        if [[ " ${ip[*]} " == *" nan "* ]]; then
          inproc_text="-"; inproc_json="null"; inproc_vs_text="-"; inproc_vs_json="null"; inproc_copy=""
        else
          inproc_copy="$(median "${ip[@]}")"
          inproc_range="$(printf '%s\n' "${ip[@]}" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s..%s", lo, hi }')"
          inproc_text="$inproc_copy ($inproc_range)"
          inproc_json="{\"median\":$inproc_copy,\"by_round\":\"${ip[*]}\"}"
          inproc_vs_text="-"; inproc_vs_json="null"
          read -r -a ipf <<< "${inproc[$first_build]}"
          if [ "$build" != "$first_build" ] && [[ " ${ipf[*]} " != *" nan "* ]]; then
            diffs=()
            for ((i = 0; i < ${#ip[@]}; i++)); do diffs+=("$(awk -v a="${ip[$i]}" -v b="${ipf[$i]}" 'BEGIN { printf "%.3f", a - b }')"); done
            inproc_vs_text="$(median "${diffs[@]}") ($(printf '%s\n' "${diffs[@]}" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s..%s", lo, hi }'))"
            inproc_vs_json="\"$inproc_vs_text\""
          fi
        fi
        cpu_once=()
        read -r -a triples <<< "${runs[$build]}"
        for ((i = 0; i < ${#triples[@]}; i += 3)); do
          [ "${triples[$((i + 1))]}" = "$n1" ] && cpu_once+=("${triples[$((i + 2))]}")
        done
        c1="$(median "${cpu_once[@]}")"
        whole="$(ratio "$p1" "$c1")"
        steady="$(awk -v p="$p_copy" -v s="$slope" 'BEGIN { printf "%.0f", (s > 0 ? p / s : 0) }')"
        n_files="${#base[@]}"
        # Per input beyond the engine: the CPU a copy adds per file, less the engine's own CPU per file.
        per_input_ms="$(awk -v s="$slope" -v n="$n_files" -v p="$engine_points" -v e="$engine_pps" \
          'BEGIN { printf "%.2f", (s - p / e) / n * 1000 }')"
        engine_ms_per_file="$(awk -v p="$engine_points" -v e="$engine_pps" -v n="${#sim[@]}" 'BEGIN { printf "%.2f", p / e / n * 1000 }')"
        steady_vs_engine="$(awk -v s="$steady" -v e="$engine_pps" 'BEGIN { printf "%.3f", s / e }')"
        echo "{\"what\":\"e2e\",\"build\":\"$build\",\"set\":\"$set\",\"format\":\"$f\",\"matched\":\"$m\",\"files\":$n_files,\"points\":$p_copy,\"copies\":\"${copy_counts[*]}\",\"runs_round_copies_cpu_s\":\"${runs[$build]% }\",\"cpu_s_once\":$c1,\"steady_cpu_s_per_copy\":$slope,\"intercept_cpu_s\":$intercept,\"steady_cpu_s_per_copy_by_round\":\"$round_slopes\",\"per_copy_minus_first_build_by_round_median_range\":$vs_first,\"in_process_cpu_s_per_copy\":$inproc_json,\"in_process_minus_first_build_by_round_median_range\":$inproc_vs_json,\"whole_points_per_cpu_second\":$whole,\"steady_points_per_cpu_second\":$steady,\"steady_vs_engine\":$steady_vs_engine,\"whole_vs_engine_process\":$(awk -v w="$whole" -v p="$engine_points" -v c="$engine_whole_cpu" 'BEGIN { printf "%.3f", w / (p / c) }'),\"per_input_overhead_ms\":$per_input_ms,\"engine_ms_per_input\":$engine_ms_per_file,\"max_rss_kib\":$(rss_kib "$work/e2e-$build-$set-$f-$m-$n1")}"
        table+=("| $build | $set | $f | $m | $p_copy | $engine_pps | $slope ($spread) | $vs_first_text | $inproc_text | $inproc_vs_text | $steady | $(awk -v p="$p_copy" -v c="$inproc_copy" 'BEGIN { printf "%s", (c > 0 ? sprintf("%.0f", p / c) : "-") }') | $(awk -v s="$steady" -v e="$engine_pps" 'BEGIN { printf "%.0f %%", 100 * s / e }') | $whole | $(ratio "$engine_points" "$engine_whole_cpu") | $per_input_ms | $engine_ms_per_file |")
        if [ "${E2E_PROFILE:-0}" = 1 ] && [ "$set" = fleet ] && [ "$f" = csv ]; then
          # A run of its own: the recording's cost stays out of the figures above.
          jfr="$work/profile-$build-$set-$f-$m.jfr"
          out="$work/profile-$build-$set-$f-$m"
          period=""
          [ -n "${E2E_PROFILE_PERIOD:-}" ] && period=",jdk.ExecutionSample#period=$E2E_PROFILE_PERIOD"
          mapfile -t files < <(files_of 2)
          DRIVELOG_HOME="$home" DRIVELOG_JAVA_OPTS="${E2E_JAVA_OPTS:-} -XX:StartFlightRecording=filename=$jfr,settings=profile$period" \
            timed "$out" "$root/bin/drivelog" analyze --map "$map" --threads 1 "${flag[@]}" --out "$out.d" "${files[@]}"
          rm -rf "$out.d"
          echo "JFR profile of drivelog analyze ($build), fleet CSV twice, matched=$m ($jfr):"
          # The result's round trip (copy the engine's answer out, parse it, write the files, the trip's own
          # JSON file), inclusive, and the writers one by one.
          "$java" "$root/bench/JfrProfileSummary.java" "$jfr" 25 dev.drivelog.analysis.ffm.FfmAnalyzer.analyzeUtf8 \
            dev.drivelog.analysis.result.TripResultParser.parse dev.drivelog.analysis.result.MatchedPathReader.read \
            dev.drivelog.output.ResultFiles.write dev.drivelog.output.SummaryJsonWriter.write \
            dev.drivelog.output.ViolationsGeoJsonWriter.write dev.drivelog.output.ViolationsGeoJsonWriter.writeMatched \
            dev.drivelog.output.AthenaViolationsWriter.write dev.drivelog.output.AthenaTripsWriter.write \
            dev.drivelog.output.ViolationColumns.write dev.drivelog.output.ResultFiles.finish \
            dev.drivelog.cli.TripResultDirectory.write dev.drivelog.cli.TripTable.row
        fi
      done
    done
  done
done
echo "{\"load_average_end\":\"$(load)\"}"
echo
echo "| build | set | format | matched | points a copy | engine pts/CPU-s | CPU-s a copy, fit (rounds' range) | fit minus the first build, per round: median (range) | CPU-s a copy in process, median (rounds' range) | in process minus the first build, per round | e2e steady pts/CPU-s (fit) | in process pts/CPU-s | steady / engine | e2e whole process pts/CPU-s | engine whole process pts/CPU-s | per-input overhead ms | engine ms per input |"
echo "|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${table[@]}"
