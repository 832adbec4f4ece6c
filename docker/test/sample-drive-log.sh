#!/usr/bin/env bash
# Writes a simulated drive log (CSV, one trip driven on MAP by drivelog-simulate, with violations
# injected) to FILE: the object that events/sqs-s3-put.json names, for the image test and the AOT
# training run. The log must lie on the map the analysis uses, hence the map as an argument (in the
# image: /opt/drivelog/map/reference.dlmap); the fixed seed makes the same map give the same log.
# Usage: sample-drive-log.sh NATIVE_DIR MAP FILE
set -euo pipefail
native="$1" map="$2" file="$3"
export LD_LIBRARY_PATH="$native/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$native/bin/drivelog-simulate" --map "$map" --out "$out" --trips 1 --seed 42 --hz 1 \
  --violation-rate 1 --min-length-m 3000 --max-length-m 6000 > "$out/simulate.log"
logs=("$out"/*.csv)
[ "${#logs[@]}" = 1 ] && [ -s "${logs[0]}" ] || { cat "$out/simulate.log" >&2; echo "sample-drive-log: no trip simulated on $map" >&2; exit 1; }
cp "${logs[0]}" "$file"
echo "sample-drive-log: $(( $(wc -l < "$file") - 1 )) fixes on $map -> $file"
