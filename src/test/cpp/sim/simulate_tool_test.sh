#!/usr/bin/env bash
# drivelog-simulate on maps where a trip's random starts find no long enough route: that trip is
# skipped with a message and the others are written (a whole accuracy run used to stop at it); a
# map that gives no trip at all is an error.
# usage: simulate_tool_test.sh PATH/TO/drivelog-map PATH/TO/drivelog-simulate PATH/TO/test/resources
set -uo pipefail
map_tool="$1"
simulate="$2"
resources="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

"$map_tool" build --osm "$resources/osm/whitelion_bristol_uk.osm.pbf" --out "$work/bristol.dlmap" > /dev/null 2>&1 ||
  { echo "FAIL: map build (bristol)" >&2; exit 1; }
"$map_tool" build --osm "$resources/osm/access.osm" --out "$work/access.dlmap" > /dev/null 2>&1 ||
  { echo "FAIL: map build (access)" >&2; exit 1; }

# 1.2 km of one-way streets in Bristol: with seed 1 and no violations, trip 66's 30 random starts find no 300 m route.
"$simulate" --map "$work/bristol.dlmap" --trips 70 --seed 1 --violation-rate 0 --out "$work/bristol" > "$work/out.json" 2> "$work/err.txt"
rc=$?
[ "$rc" = 0 ] || fail "bristol: exit code $rc, expected 0 ($(cat "$work/err.txt"))"
grep -q '"trips": 69, "skipped_trips": 1,' "$work/out.json" || fail "bristol: summary $(cat "$work/out.json")"
grep -q 'trip 66 skipped: no drivable route found from 30 random start roads on .*bristol.dlmap' "$work/err.txt" ||
  fail "bristol: message $(cat "$work/err.txt")"
[ ! -e "$work/bristol/sim-000066.csv" ] || fail "bristol: trip 66 written"
[ -s "$work/bristol/sim-000067.csv" ] && [ -s "$work/bristol/sim-000070.truth.json" ] || fail "bristol: trips after 66 missing"

# A few short streets: no trip at all is an error, named.
"$simulate" --map "$work/access.dlmap" --trips 2 --seed 1 --out "$work/access" > "$work/out2.json" 2> "$work/err2.txt"
rc=$?
[ "$rc" = 1 ] || fail "access: exit code $rc, expected 1"
grep -q 'no drivable route found for any of the 2 trips on .*access.dlmap' "$work/err2.txt" || fail "access: message $(cat "$work/err2.txt")"
[ ! -s "$work/out2.json" ] || fail "access: a summary was printed: $(cat "$work/out2.json")"

[ "$failures" = 0 ] && echo "simulate tool: all checks passed"
exit $((failures > 0))
