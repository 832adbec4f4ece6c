package dev.drivelog.report;

/** A stop sign of the reference map (OSM node) on an approach along way {@code wayId}. */
public record StopSignMark(long nodeId, double lat, double lon, long wayId) {}
