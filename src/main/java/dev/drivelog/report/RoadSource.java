package dev.drivelog.report;

/** Where the report gets the map around a trip from (the native map, or a fixed set in tests). */
@FunctionalInterface
public interface RoadSource {
    /** The roads and stop signs inside the box (degrees), at most {@code maxRoads} roads. */
    RoadContext around(double minLat, double minLon, double maxLat, double maxLon, int maxRoads);
}
