#!/usr/bin/env python3
"""Writes the seeds of fuzz_trip_analysis into corpus/fuzz_trip_analysis/ (layout: the comment at
the top of fuzz_trip_analysis.cpp). The town's node A is where every trip starts; 20 m per
character, so B is 120 m east of A and D 40 m south (two rows of 20 m)."""
import math
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus", "fuzz_trip_analysis")

M_PER_DEG_LAT = 6371008.8 * math.pi / 180
M_PER_DEG_LON = M_PER_DEG_LAT * math.cos(math.radians(52.5))


def flags(speed=True, heading=False, accuracy=False, matched=False, huge=False, config_lines=0):
    return bytes([speed | heading << 1 | accuracy << 2 | matched << 3 | huge << 4 | config_lines << 5])


def step(dt_s, east_m, north_m, speed_mps, heading_deg=0.0, accuracy_m=5):
    dlat = round(north_m / M_PER_DEG_LAT * 1e6)
    dlon = round(east_m / M_PER_DEG_LON * 1e6)
    return struct.pack("<Bbhh B H B", 0, round(dt_s * 2), dlat, dlon, min(255, round(speed_mps * 4)),
                       round(heading_deg * 100) % 65536, accuracy_m)


def raw(t, lat, lon, speed, heading, accuracy):
    return struct.pack("<Bdddfff", 1, t, lat, lon, speed, heading, accuracy)


def gap(seconds, *step_args):
    return struct.pack("<BH", 2, seconds) + step(*step_args)[1:]


def repeat():
    return bytes([3])


def config_number(key_index, value):
    return struct.pack("<BBd", key_index, 2, value)


def drive(east_mps, north_mps, seconds, heading):
    return b"".join(step(1, east_mps, north_mps, math.hypot(east_mps, north_mps), heading) for _ in range(seconds))


SEEDS = {
    "empty": b"",
    "one-point": flags() + step(0, 0, 0, 0),
    # East along North Street (30 km/h) at 12 m/s, then south down East Street (one-way, legal).
    "north-street-speeding": flags(heading=True, accuracy=True, matched=True)
    + drive(12, 0, 20, 90) + drive(0, -8, 5, 180),
    # Against the one-way Middle Street, from F to D.
    "wrong-way": flags(matched=True) + drive(0, -10, 4, 180) + drive(-10, 0, 20, 270),
    # Through the stop sign at E without stopping, then with a full stop.
    "stop-sign": flags(heading=True) + drive(6, 0, 10, 90) + drive(0, -6, 10, 180) + drive(0, -2, 3, 180)
    + b"".join(step(1, 0, 0, 0) for _ in range(4)) + drive(0, -6, 8, 180),
    # Times backwards, repeated and in a long gap; NaN, infinities and huge values in raw points.
    "broken-columns": flags(heading=True, accuracy=True) + drive(5, 0, 5, 90) + step(-3, 5, 0, 5)
    + repeat() + step(0, 1, 0, 5) + gap(3600, 1, 5, 0, 5)
    + raw(float("nan"), 52.5, 13.4, 5, 90, 5) + raw(1795161700.0, float("inf"), 13.4, 5, 90, 5)
    + raw(1e306, 52.5, 13.4, float("inf"), float("-inf"), float("nan"))
    + raw(-1e306, 52.5, 13.4, -5, 1e30, -1) + raw(1795161710.0, 52.5, 13.4, 3e38, 720, 1e9),
    # Analysis keys with odd values (indices into the key list modulo its length).
    "config": flags(config_lines=3) + config_number(3, 1e308) + config_number(7, float("nan"))
    + struct.pack("<BBB", 11, 3, 9) + b"=\n#x=1\nab" + drive(8, 0, 10, 90),
    # A claim of 2^40 points: refused before any is read.
    "huge-count": flags(huge=True) + drive(8, 0, 3, 90),
}

os.makedirs(OUT, exist_ok=True)
for name, data in SEEDS.items():
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
print(f"{len(SEEDS)} seeds in {OUT}")
