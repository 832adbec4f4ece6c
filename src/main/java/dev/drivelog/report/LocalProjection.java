package dev.drivelog.report;

/**
 * Degrees to a flat plane in metres around a reference point (equirectangular): exact enough for
 * drawing one trip's surroundings. x grows east, y grows south (SVG's y axis points down).
 */
public record LocalProjection(double originLat, double originLon) {
    private static final double METERS_PER_DEGREE = 111_195.0;

    public double x(double lon) {
        return (lon - originLon) * METERS_PER_DEGREE * Math.cos(Math.toRadians(originLat));
    }

    public double y(double lat) {
        return -(lat - originLat) * METERS_PER_DEGREE;
    }
}
