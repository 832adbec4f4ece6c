#!/usr/bin/env python3
"""Adds conditional restrictions to a share of the streets of an OSM XML file (the synthetic town has
none), for bench/conditional-accuracy.sh. Deterministic: the same file, share and seed give the same
output. Each chosen street gets one of the kinds below, shaped like real values (docs/CONDITIONAL.md):

  closed_at_night    motor_vehicle:conditional=no @ (15:00-05:00; Su 12:00-05:00)
  open_weekdays      access=no + motor_vehicle:conditional=yes @ (Mo-Fr 08:00-18:00)
  seasonal_night     access:conditional=no @ (Nov-Mar 20:00-06:00)
  oneway_rush_hour   oneway:conditional=yes @ (07:00-10:00)       (a two-way street)
  two_way_at_night   oneway:conditional=no @ (22:00-08:00)        (a one-way street)

usage: add_conditional_tags.py IN.osm OUT.osm [SHARE] [SEED]   (SHARE of residential, unclassified and
tertiary ways, default 0.08; prints the count per kind as JSON)
"""
import json
import random
import sys
import xml.etree.ElementTree as ET

TWO_WAY_KINDS = [
    ("closed_at_night", [("motor_vehicle:conditional", "no @ (15:00-05:00; Su 12:00-05:00)")], 3),
    ("open_weekdays", [("access", "no"), ("motor_vehicle:conditional", "yes @ (Mo-Fr 08:00-18:00)")], 2),
    ("seasonal_night", [("access:conditional", "no @ (Nov-Mar 20:00-06:00)")], 2),
    ("oneway_rush_hour", [("oneway:conditional", "yes @ (07:00-10:00)")], 3),
]
ONE_WAY_KIND = ("two_way_at_night", [("oneway:conditional", "no @ (22:00-08:00)")])
STREETS = {"residential", "unclassified", "tertiary"}


def main():
    source, target = sys.argv[1], sys.argv[2]
    share = float(sys.argv[3]) if len(sys.argv) > 3 else 0.08
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    tree = ET.parse(source)
    counts = {name: 0 for name, _, _ in TWO_WAY_KINDS}
    counts[ONE_WAY_KIND[0]] = 0
    weights = [w for _, _, w in TWO_WAY_KINDS]
    for way in tree.getroot().iter("way"):
        tags = {t.get("k"): t.get("v") for t in way.iter("tag")}
        # One draw per street, chosen or not, so that the choice of one street does not move the others.
        draw = rng.random()
        kind = rng.choices(TWO_WAY_KINDS, weights)[0]
        if tags.get("highway") not in STREETS or draw >= share or "access" in tags or any(k.endswith(":conditional") for k in tags):
            continue
        if tags.get("oneway") in ("yes", "-1"):
            name, added = ONE_WAY_KIND
        else:
            name, added, _ = kind
        for key, value in added:
            ET.SubElement(way, "tag", k=key, v=value)
        counts[name] += 1
    tree.write(target, encoding="UTF-8", xml_declaration=True)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
