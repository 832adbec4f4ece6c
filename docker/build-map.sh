#!/usr/bin/env bash
# Builds the image's reference map with the native tools: from an OSM extract when one is given
# (build argument OSM_FILE naming a .osm.pbf/.osm file in the build context, or OSM_URL with its
# OSM_SHA256), otherwise from the synthetic generator (SYNTH_SCALE, SYNTH_SEED).
# Usage: build-map.sh NATIVE_DIR INPUT_FILE OUT_MAP      (INPUT_FILE: the copied OSM_FILE)
set -euo pipefail
native="$1" input="$2" out="$3"
export LD_LIBRARY_PATH="$native/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$out")"

tool() {
  local path="$native/bin/$1"
  [ -x "$path" ] || { echo "build-map: $1 is missing from the native build ($native/bin)" >&2; exit 1; }
  echo "$path"
}

if [ -n "${OSM_URL:-}" ]; then
  [ -n "${OSM_SHA256:-}" ] || { echo "build-map: OSM_URL needs OSM_SHA256 (the extract's sha256)" >&2; exit 1; }
  echo "build-map: downloading $OSM_URL"
  curl -fsSL --retry 3 -o "$work/extract.osm.pbf" "$OSM_URL"
  echo "$OSM_SHA256  $work/extract.osm.pbf" | sha256sum -c -
  source="$work/extract.osm.pbf"
else
  case "$input" in
    *.osm.pbf|*.pbf|*.osm|*.osm.bz2) source="$input" ;;
    *)
      echo "build-map: synthetic map, scale ${SYNTH_SCALE:-small}, seed ${SYNTH_SEED:-1}"
      "$(tool drivelog-synth)" --seed "${SYNTH_SEED:-1}" --scale "${SYNTH_SCALE:-small}" --out "$work/synthetic.osm.pbf"
      source="$work/synthetic.osm.pbf"
      ;;
  esac
fi
ls -l "$source"
"$(tool drivelog-map)" build --osm "$source" --out "$out"
ls -l "$out"
