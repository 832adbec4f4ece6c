# Sourced by bench/analyze-e2e.sh and bench/handler-e2e.sh: the end-to-end inputs, made once with the
# project's own tools. e2e_inputs DIR BIN MAP FLEET_TRIPS SMALL_FILES prints the inputs' directory
# (DIR/inputs-FLEET_TRIPS-SMALL_FILES), making it first if it is not complete: FLEET_TRIPS simulated
# drives (seed 1, 1 Hz, sigma 5 m, violation rate 0.5) in fleet-sim/ and as one fleet file per format
# (fleet.csv, .jsonl, .gpx, .nmea, and a renamed copy fleet-again.*), SMALL_FILES drives of 4-5 km
# (seed 2) in small-sim/ and as one file each per format (small-FORMAT/, a renamed copy in
# small-FORMAT-again/). src/test/java/dev/drivelog/logs/SimulatedLogFormats.java rewrites the
# simulator's CSV as JSON Lines, GPX and NMEA; CSV and JSON Lines fleets have 100 vehicles at once.
e2e_inputs() {
  local dir="$1" bin="$2" map="$3" fleet_trips="$4" small_files="$5"
  local inputs="$dir/inputs-$fleet_trips-$small_files" root f file
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  if [ ! -f "$inputs/done" ]; then
    rm -rf "$inputs"
    "$bin/drivelog-simulate" --map "$map" --trips "$fleet_trips" --seed 1 --hz 1 --noise-m 5 --violation-rate 0.5 \
      --out "$inputs/fleet-sim" > /dev/null
    "$bin/drivelog-simulate" --map "$map" --trips "$small_files" --seed 2 --hz 1 --noise-m 5 --violation-rate 0.5 \
      --min-length-m 4000 --max-length-m 5000 --out "$inputs/small-sim" > /dev/null
    local convert=("${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" "$root/src/test/java/dev/drivelog/logs/SimulatedLogFormats.java")
    for f in csv jsonl gpx nmea; do
      "${convert[@]}" fleet "$f" "$inputs/fleet.$f" 100 "$inputs"/fleet-sim/*.csv >&2
      cp "$inputs/fleet.$f" "$inputs/fleet-again.$f"
      "${convert[@]}" each "$f" "$inputs/small-$f" "$inputs"/small-sim/*.csv >&2
      mkdir -p "$inputs/small-$f-again"
      for file in "$inputs/small-$f"/*; do cp "$file" "$inputs/small-$f-again/again-$(basename "$file")"; done
    done
    touch "$inputs/done"
  fi
  echo "$inputs"
}
