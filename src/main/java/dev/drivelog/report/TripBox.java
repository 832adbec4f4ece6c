package dev.drivelog.report;

import dev.drivelog.logs.Trip;

/**
 * The area a trip's map shows: its usable points' bounding box plus a margin, and the flat
 * projection around the box's centre.
 */
record TripBox(double minLat, double minLon, double maxLat, double maxLon) {
    private static final double MARGIN_METERS = 150;
    private static final double METERS_PER_DEGREE = 111_195.0;

    /** The box around the trip's usable points; null when it has none. */
    static TripBox around(Trip trip) {
        double minLat = Double.POSITIVE_INFINITY;
        double minLon = Double.POSITIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < trip.count(); i++) {
            double lat = trip.lat()[i];
            double lon = trip.lon()[i];
            if (usable(lat, lon)) {
                minLat = Math.min(minLat, lat);
                maxLat = Math.max(maxLat, lat);
                minLon = Math.min(minLon, lon);
                maxLon = Math.max(maxLon, lon);
            }
        }
        if (minLat > maxLat) {
            return null;
        }
        double marginLat = MARGIN_METERS / METERS_PER_DEGREE;
        double marginLon = marginLat / Math.max(0.01, Math.cos(Math.toRadians((minLat + maxLat) / 2)));
        return new TripBox(Math.max(-90, minLat - marginLat), Math.max(-180, minLon - marginLon),
                Math.min(90, maxLat + marginLat), Math.min(180, maxLon + marginLon));
    }

    static boolean usable(double lat, double lon) {
        return Double.isFinite(lat) && Double.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
                && !(lat == 0 && lon == 0);
    }

    LocalProjection projection() {
        return new LocalProjection((minLat + maxLat) / 2, (minLon + maxLon) / 2);
    }

    double widthMeters() {
        LocalProjection p = projection();
        return p.x(maxLon) - p.x(minLon);
    }

    double heightMeters() {
        LocalProjection p = projection();
        return p.y(minLat) - p.y(maxLat);
    }
}
