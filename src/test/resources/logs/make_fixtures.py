#!/usr/bin/env python3
"""Writes the drive-log fixtures in this directory (run it here; the output is committed).

Every fixture is small and hand-shaped around odd cases; the tests assert on exact line numbers, so
edit with care. Positions are around Berlin (52.5 N, 13.4 E); a step of 0.0001 deg lat is about 11 m.
"""
import gzip
import json
from datetime import datetime, timezone, timedelta


def nmea(body):
    checksum = 0
    for ch in body:
        checksum ^= ord(ch)
    return "$%s*%02X" % (body, checksum)


def ddmm(value, degree_digits):
    deg = int(abs(value))
    minutes = (abs(value) - deg) * 60
    return "%0*d%07.4f" % (degree_digits, deg, minutes)


def rmc(talker, t, lat, lon, knots, course, status="A"):
    return nmea("%sRMC,%s,%s,%s,N,%s,E,%.1f,%.1f,%s,,,A" % (
        talker, t.strftime("%H%M%S.00"), status, ddmm(lat, 2), ddmm(lon, 3), knots, course, t.strftime("%d%m%y")))


def gga(talker, t, lat, lon, quality=1, hdop=0.9):
    return nmea("%sGGA,%s,%s,N,%s,E,%d,08,%.1f,35.0,M,40.0,M,," % (
        talker, t.strftime("%H%M%S.00"), ddmm(lat, 2), ddmm(lon, 3), quality, hdop))


def vtg(talker, course, kmh):
    return nmea("%sVTG,%.1f,T,,M,%.1f,N,%.1f,K,A" % (talker, course, kmh / 1.852, kmh))


def write(name, lines, newline="\n"):
    with open(name, "w", encoding="utf-8", newline="") as f:
        f.write(newline.join(lines) + newline)


def nmea_fixture():
    lines = ["junk before the first sentence"]
    t = datetime(2026, 11, 21, 23, 59, 55, tzinfo=timezone.utc)
    talkers = ["GP", "GN", "GL", "BD", "GA"]
    # 10 one-second epochs crossing midnight: RMC + GGA + VTG from rotating talkers.
    for i in range(10):
        talker = talkers[i % len(talkers)]
        lat, lon = 52.5 + i * 0.0001, 13.4
        if i < 3:
            lines.append(gga(talker, t, lat, lon))
            lines.append(rmc(talker, t, lat, lon, 20.0, 0.0))
            lines.append(vtg(talker, 0.0, 36.0))
        else:
            # GGA only after midnight: the date must roll over from the last RMC's.
            lines.append(gga(talker, t, lat, lon))
        t += timedelta(seconds=1)
    bad = rmc("GP", t, 52.6, 13.4, 20.0, 0.0)
    lines.append(bad[:-2] + ("00" if bad[-2:] != "00" else "11"))  # checksum error
    lines.append(rmc("GP", t, 52.6, 13.4, 20.0, 0.0)[:25])          # cut short
    lines.append(rmc("GP", t, 52.5011, 13.4, 0.0, 0.0, status="V"))  # receiver says: invalid
    lines.append(nmea("PGRME,15.0,M,45.0,M,25.0,M"))                 # proprietary, ignored
    lines.append(nmea("GPGSA,A,3,04,05,,09,12,,,24,,,,,2.5,1.3,2.1"))  # no position, ignored
    write("nmea/multi-talker.nmea", lines, "\r\n")


def nmea_gga_first():
    t = datetime(2026, 3, 1, 10, 0, 0, tzinfo=timezone.utc)
    lines = [gga("GN", t, 52.5, 13.4)]                       # before any date
    t += timedelta(seconds=1)
    lines.append(gga("GN", t, 52.5001, 13.4, quality=0))    # no fix
    for i in range(2, 5):
        t2 = t + timedelta(seconds=i - 1)
        lines.append(rmc("GN", t2, 52.5 + i * 0.0001, 13.4, 10.0, 90.0))
    write("nmea/gga-before-rmc.nmea", lines)


def gpx10():
    pts = []
    for seg in range(2):
        pts.append("    <trkseg>")
        for i in range(3):
            t = datetime(2026, 11, 21, 8, seg * 30, i * 5, tzinfo=timezone.utc)
            pts.append('      <trkpt lat="%.5f" lon="%.5f"><ele>34.0</ele><time>%s</time>'
                       '<course>%.1f</course><speed>%.1f</speed></trkpt>'
                       % (52.5 + i * 0.0005, 13.4 + seg * 0.01, t.strftime("%Y-%m-%dT%H:%M:%SZ"), 10.0, 12.5))
        pts.append("    </trkseg>")
    text = ['<?xml version="1.0" encoding="UTF-8"?>',
            '<gpx version="1.0" creator="fixture" xmlns="http://www.topografix.com/GPX/1/0">',
            '  <wpt lat="52.0" lon="13.0"><time>2026-11-21T07:00:00Z</time></wpt>',
            '  <trk><name>one</name>'] + pts + ['  </trk>', '</gpx>']
    write("gpx/gpx10-segments.gpx", text)


def gpx11():
    text = ['<?xml version="1.0" encoding="UTF-8"?>',
            '<gpx version="1.1" creator="fixture" xmlns="http://www.topografix.com/GPX/1/1"',
            '     xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2">',
            '  <rte><rtept lat="50.0" lon="10.0"><time>2026-11-21T06:00:00Z</time></rtept></rte>']
    for trk in range(2):
        text.append('  <trk><name>track %d</name><trkseg>' % trk)
        for i in range(4):
            t = datetime(2026, 11, 21, 9 + trk, 0, i * 2, tzinfo=timezone.utc)
            text.append('    <trkpt lat="%.5f" lon="13.40000">' % (52.5 + i * 0.0002))
            text.append('      <ele>40</ele><time>%s</time><hdop>1.5</hdop>'
                        % t.strftime("%Y-%m-%dT%H:%M:%S.000+00:00"))
            text.append('      <extensions><gpxtpx:TrackPointExtension><gpxtpx:speed>11.1</gpxtpx:speed>'
                        '<gpxtpx:course>%d</gpxtpx:course><gpxtpx:hr>80</gpxtpx:hr>'
                        '</gpxtpx:TrackPointExtension></extensions>' % (5 + i))
            text.append('    </trkpt>')
        if trk == 1:
            text.append('    <trkpt lat="52.6" lon="13.4"><ele>40</ele></trkpt>')  # no time: skipped
        text.append('  </trkseg></trk>')
    text.append('</gpx>')
    write("gpx/gpx11-garmin.gpx", text)


def csv_semicolon_bom():
    base = 1_763_712_000_000  # 2025-11-21T08:00:00Z in ms
    rows = ['"Vehicle ID";"Timestamp";"Latitude";"Longitude";"Speed (km/h)";"Heading";"HDOP"']
    for i in range(5):
        rows.append('"Van ""7""; north";%d;%s;%s;%s;%d;%s' % (
            base + i * 1000, ("52.%04d" % (5000 + i)), "13.4000", "36.0", 90, "1.2"))
    with open("csv/semicolon-bom-quoted.csv", "w", encoding="utf-8-sig", newline="") as f:
        f.write("\r\n".join(rows) + "\r\n")


def csv_bad_rows():
    rows = ["time,lat,lon,speed,accuracy",                      # line 1
            "2026-11-21 08:00:00,52.5000,13.4000,10,5",          # 2
            "2026-11-21T08:00:01+01:00,52.5001,13.4000,10,5",    # 3  (an hour earlier: too late)
            "2026-11-21 08:00:02,north,13.4000,10,5",            # 4  bad latitude
            "2026-11-21 08:00:03,52.5003,13.4000,10",            # 5  missing optional column: fine
            "2026-11-21 08:00:04,95.0,13.4000,10,5",             # 6  impossible latitude
            "2026-11-21 08:00:05,0,0,10,5",                      # 7  null island
            "yesterday,52.5005,13.4000,10,5",                    # 8  bad time
            "",                                                  # 9  blank: ignored
            "2026-11-21 08:00:06,52.5006",                       # 10 too few fields
            "2026-11-21 08:00:07,52.5007,13.4000,,",             # 11 empty optionals
            "2026-11-21 08:00:07,52.5007,13.4000,10,5",          # 12 duplicate time
            "2026-11-21 08:00:08Z,52.5008,13.4000,10,5"]         # 13
    write("csv/bad-rows.csv", rows)


def tsv():
    rows = ["device_id\tts\tlng\tlat\tspeed_mps\tcourse"]
    for i in range(4):
        rows.append("truck-1\t%d\t13.4\t%.4f\t8.0\t0" % (1_763_712_000 + i, 52.5 + i * 0.0001))
    write("csv/tab-epoch-seconds.tsv", rows)


def jsonl_traccar():
    lines = []
    t = datetime(2026, 11, 21, 8, 0, 0, tzinfo=timezone.utc)
    for i in range(4):
        lines.append(json.dumps({"id": 100 + i, "deviceId": 42, "protocol": "osmand",
                                 "fixTime": (t + timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%S.000+00:00"),
                                 "valid": True, "latitude": 52.5 + i * 0.0001, "longitude": 13.4,
                                 "speed": 10.0, "course": 45.0, "accuracy": 4.0,
                                 "attributes": {"batteryLevel": 80, "motion": True}}))
    lines.append('{"deviceId": 42, "fixTime": "2026-11-21T08:00:09Z", "latitude": 52.6,')   # cut short
    lines.append(json.dumps({"deviceId": 42, "fixTime": "2026-11-21T08:00:10Z", "valid": False,
                             "latitude": 52.6, "longitude": 13.4, "speed": 0}))
    lines.append("[1, 2, 3]")
    write("jsonl/traccar.jsonl", lines)


def jsonl_osmand():
    lines = []
    for i in range(3):
        lines.append(json.dumps({"deviceid": "phone-9", "timestamp": 1_763_712_000_000 + i * 1000,
                                 "lat": 52.5 + i * 0.0001, "lon": 13.4, "speed": 5.0, "bearing": 180.0,
                                 "hdop": 2.0, "altitude": 30.0}))
    write("jsonl/osmand.jsonl", lines)


def fleet():
    """Three vehicles interleaved by time; A pauses 20 minutes (two trips); C has disorder."""
    rows = ["vehicle_id,time,lat,lon,speed"]
    start = datetime(2026, 11, 21, 8, 0, 0, tzinfo=timezone.utc)
    events = []
    for i in range(6):
        events.append((start + timedelta(seconds=10 * i), "A", 52.50 + i * 0.0005, 13.40))
        events.append((start + timedelta(minutes=30, seconds=10 * i), "A", 52.51 + i * 0.0005, 13.40))
        events.append((start + timedelta(seconds=10 * i + 3), "B", 52.40, 13.30 + i * 0.0005))
        events.append((start + timedelta(seconds=10 * i + 5), "C", 52.45 + i * 0.0005, 13.35))
    events.sort(key=lambda e: e[0])
    for t, v, lat, lon in events:
        rows.append("%s,%s,%.5f,%.5f,12.0" % (v, t.strftime("%Y-%m-%dT%H:%M:%SZ"), lat, lon))
    # C: one point arrives late (swap two C rows), one duplicate, one spike 50 km away.
    c_rows = [i for i, r in enumerate(rows) if r.startswith("C,")]
    rows[c_rows[1]], rows[c_rows[2]] = rows[c_rows[2]], rows[c_rows[1]]
    rows.insert(c_rows[3] + 1, rows[c_rows[3]])
    spike_time = (start + timedelta(seconds=10 * 3 + 7)).strftime("%Y-%m-%dT%H:%M:%SZ")
    rows.insert(c_rows[3] + 2, "C,%s,52.90000,13.35000,12.0" % spike_time)
    write("fleet/interleaved.csv", rows)
    with open("fleet/interleaved.csv", "rb") as f:
        data = f.read()
    with open("fleet/interleaved.csv.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as g:
        g.write(data)
    # Same bytes, misleading names: gzip without .gz, JSON Lines named .csv.
    with open("fleet/interleaved-gzip-no-extension", "wb") as f, open("fleet/interleaved.csv.gz", "rb") as g:
        f.write(g.read())


def wrong_extension():
    with open("jsonl/osmand.jsonl", "rb") as f, open("detect/jsonl-named.csv", "wb") as g:
        g.write(f.read())
    with open("gpx/gpx11-garmin.gpx", "rb") as f, open("detect/gpx-named.txt", "wb") as g:
        g.write(f.read())


def xxe():
    write("gpx/xxe.gpx", ['<?xml version="1.0"?>',
                          '<!DOCTYPE gpx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
                          '<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>',
                          '<trkpt lat="52.5" lon="13.4"><time>2026-11-21T08:00:00Z</time><name>&secret;</name></trkpt>',
                          '</trkseg></trk></gpx>'])


if __name__ == "__main__":
    import os
    for d in ("nmea", "gpx", "csv", "jsonl", "fleet", "detect"):
        os.makedirs(d, exist_ok=True)
    nmea_fixture()
    nmea_gga_first()
    gpx10()
    gpx11()
    csv_semicolon_bom()
    csv_bad_rows()
    tsv()
    jsonl_traccar()
    jsonl_osmand()
    fleet()
    wrong_extension()
    xxe()
