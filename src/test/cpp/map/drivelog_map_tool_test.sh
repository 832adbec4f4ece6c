#!/usr/bin/env bash
# End-to-end test of the drivelog-map tool: build -> info -> info --verify, and the refusals
# (missing OSM file, truncated / corrupted / wrong-version / foreign map) with exit code 2.
# usage: drivelog_map_tool_test.sh PATH/TO/drivelog-map PATH/TO/osm-fixtures
set -uo pipefail
tool="$1"
fixtures="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect_exit() {  # expected-code description command...
  local expected="$1" what="$2"
  shift 2
  "$@" >"$work/out" 2>"$work/err"
  local code=$?
  [ "$code" -eq "$expected" ] || fail "$what: exit $code, expected $expected; stderr: $(cat "$work/err")"
}
expect_in() {  # file text description
  grep -qF -- "$2" "$1" || fail "$3: '$2' not in $(cat "$1")"
}

map="$work/stops.dlmap"
expect_exit 0 "build" "$tool" build --osm "$fixtures/stops.osm" --out "$map"
expect_in "$work/out" '"stop_signs":7' "build summary"
expect_in "$work/out" '"direction=NE":1' "build lists uninterpreted values"
expect_in "$work/err" "not interpreted: direction=NE (1)" "build prints human lines on stderr"

expect_exit 0 "info" "$tool" info "$map"
for key in '"format_version":10' '"nodes":' '"edges":' '"oneway_edges":2' '"speed_limited_edges":0' \
           '"stop_signs":12' '"turn_restrictions":0' '"bbox":{"min_lat":39.9990000' '"bytes":' '"source":"stops.osm"' \
           '"legal":{"limit_sources":{' '"time_zones":["UTC"]' '"conditional_keys":{"stored":{},"not_understood":{},"class_keys":{},"class_rules":{"car":{"access":0,'; do
  expect_in "$work/out" "$key" "info"
done
expect_exit 0 "info --verify" "$tool" info "$map" --verify
expect_in "$work/out" '"verified":true' "info --verify"

expect_exit 2 "missing OSM file" "$tool" build --osm "$work/nope.osm.pbf" --out "$work/nope.dlmap"
expect_in "$work/err" "$work/nope.osm.pbf" "missing OSM file is named"
[ ! -e "$work/nope.dlmap" ] || fail "a map was written for a missing OSM file"

expect_exit 2 "missing map" "$tool" info "$work/absent.dlmap"
expect_in "$work/err" "$work/absent.dlmap" "missing map is named"

size=$(stat -c %s "$map")
head -c $((size - 100)) "$map" >"$work/truncated.dlmap"
expect_exit 2 "truncated map" "$tool" info "$work/truncated.dlmap"
expect_in "$work/err" "truncated" "truncated map"

cp "$map" "$work/flipped.dlmap"
printf '\x5a' | dd of="$work/flipped.dlmap" bs=1 seek=$((size - 40)) conv=notrunc status=none
expect_exit 0 "flipped byte: open still works" "$tool" info "$work/flipped.dlmap"
expect_exit 2 "flipped byte: verify refuses" "$tool" info "$work/flipped.dlmap" --verify
expect_in "$work/err" "damaged" "flipped byte"

cp "$map" "$work/version.dlmap"
printf '\x07' | dd of="$work/version.dlmap" bs=1 seek=8 conv=notrunc status=none
expect_exit 2 "wrong version" "$tool" info "$work/version.dlmap"
expect_in "$work/err" "format version 7" "wrong version"

expect_exit 2 "foreign file" "$tool" info "$fixtures/stops.osm"
expect_in "$work/err" "not a drivelog map" "foreign file"

expect_exit 2 "bad usage" "$tool" build --osm "$fixtures/stops.osm"
expect_exit 2 "unknown command" "$tool" frobnicate

# pages: the same drive on a Hilbert-ordered and an input-order build.
expect_exit 0 "build input order" "$tool" build --osm "$fixtures/harrisburg.osm.pbf" --out "$work/h.dlmap"
expect_exit 0 "build input order" "$tool" build --osm "$fixtures/harrisburg.osm.pbf" --out "$work/i.dlmap" --input-order
expect_exit 0 "pages" "$tool" pages "$work/h.dlmap" "$work/i.dlmap" --route-km 5 --seed 3
expect_in "$work/out" '"order":"hilbert"' "pages"
expect_in "$work/out" '"order":"input"' "pages"

if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "drivelog-map tool: all checks passed"
