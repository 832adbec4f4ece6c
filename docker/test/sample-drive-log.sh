#!/usr/bin/env bash
# Writes a small drive log (CSV, one vehicle, one point a minute for an hour) to FILE: the object
# that events/sqs-s3-put.json names, for the image test and the AOT training run.
# Usage: sample-drive-log.sh FILE
set -euo pipefail
awk 'BEGIN {
  print "vehicle_id,timestamp,lat,lon,speed_kmh"
  for (i = 0; i < 60; i++)
    printf "vehicle-42,2026-11-21T08:%02d:00Z,%.6f,%.6f,%d\n", i, 48.1 + i * 0.0002, 11.5 + i * 0.0003, 30 + i % 20
}' > "$1"
