#!/usr/bin/env bash
# JDK AOT training run of the command line at build time (Maven, package phase, after the jar and
# target/lib): runs bin/drivelog analyze, exactly as users run it, on a small map and a few drives
# made here with the native tools, and lets the JVM write TARGET/drivelog-cli.aot, which bin/drivelog
# then uses (docs/BENCHMARKS.md, "End to end", paragraph "Start-up"). The input is the real OSM extract
# src/test/resources/osm/harrisburg.osm.pbf, built into a map, and four simulated 1 Hz drives of
# 1-3 km (about 900 fixes).
# A JDK without AOT caches, a missing native tool or any other failure only warns: the build goes on
# without a cache, and the launcher runs as before.
# Usage: train-cli-aot.sh REPO TARGET   (JAVA_HOME: the JDK the launcher should find)
set -uo pipefail
repo="$1" target="$2"
cache="$target/drivelog-cli.aot"
work="$target/aot-training"

train() {
  set -e
  local bin="$target/native/bin"
  rm -rf "$work" "$cache"
  mkdir -p "$work"
  export LD_LIBRARY_PATH="$target/native/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  "$bin/drivelog-map" build --osm "$repo/src/test/resources/osm/harrisburg.osm.pbf" --data "$repo/data" \
    --out "$work/harrisburg.dlmap"
  "$bin/drivelog-simulate" --map "$work/harrisburg.dlmap" --out "$work/drives" --trips 4 --seed 1 --hz 1 \
    --noise-m 5 --violation-rate 0.5 --min-length-m 1000 --max-length-m 3000
  # DRIVELOG_HOME: the launcher must not try to build the project from inside its own build.
  DRIVELOG_HOME="$target" DRIVELOG_AOT_TRAINING="$cache" "$repo/bin/drivelog" analyze \
    --map "$work/harrisburg.dlmap" --threads 1 --stats --out "$work/results" "$work"/drives/*.csv
  [ -s "$cache" ] || { echo "no cache written" >&2; return 1; }
}

started=$SECONDS
# A subshell of its own: set -e inside holds there (an `if ! train` would switch it off).
(train) > "$work.log" 2>&1
status=$?
if [ "$status" = 0 ]; then
  echo "train-cli-aot: $cache ($(( $(stat -c %s "$cache") / 1048576 )) MiB) in $(( SECONDS - started )) s"
else
  rm -f "$cache"
  echo "[WARNING] train-cli-aot: no AOT cache for bin/drivelog (training failed, exit $status; the" \
    "launcher runs without one). Last lines of $work.log:"
  tail -n 5 "$work.log" | sed 's/^/[WARNING]   /'
fi
exit 0
