package dev.drivelog.report;

/**
 * One road edge of the reference map as the report draws it.
 *
 * @param roadClass   OSM highway class, e.g. {@code residential}
 * @param oneway      1: only from the first shape point towards the last; -1: only the other way; 0: both
 * @param limitForwardKmh  limit along the shape; 0 unknown, -1 unlimited
 * @param limitBackwardKmh limit against the shape
 * @param shape       lat, lon, lat, lon, ... in degrees
 */
public record Road(long wayId, String roadClass, String name, int oneway, double limitForwardKmh,
                   double limitBackwardKmh, double[] shape) {}
