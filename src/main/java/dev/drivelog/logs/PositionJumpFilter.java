package dev.drivelog.logs;

/**
 * Finds position errors in a finished trip (sorted by time): a point that could only be reached
 * faster than {@code maxSpeedMps} from the last kept point. An isolated one (its successor fits the
 * points before it) is a spike and dropped; a lone first point that disagrees with a consistent
 * rest is dropped too; a jump followed by consistent points (a receiver that re-acquired far away,
 * missing data) starts a new segment, so no plausible data is lost and the engine never sees a
 * teleport. Works in place: kept points are compacted to the front of the columns.
 */
final class PositionJumpFilter {
    private static final double EARTH_RADIUS_METERS = 6_371_008.8;
    /** Allowance for position noise between close fixes, so that 1 Hz logs are not over-cleaned. */
    static final double JITTER_METERS = 25.0;

    private final double maxSpeedMps;

    PositionJumpFilter(double maxSpeedKmh) {
        this.maxSpeedMps = maxSpeedKmh / 3.6;
    }

    /** Result of filtering: the kept count and where each segment starts (ascending, first is 0). */
    record Segments(int keptCount, int[] starts, int spikes, int splits) {
    }

    Segments filter(OpenTrip trip) {
        int n = trip.count;
        int[] starts = new int[4];
        int segmentCount = 1;
        int segmentStart = 0;
        int kept = 0;
        int spikes = 0;
        int splits = 0;
        for (int i = 0; i < n; i++) {
            if (kept == segmentStart || plausible(trip, kept - 1, i)) {
                move(trip, i, kept++);
                continue;
            }
            boolean hasNext = i + 1 < n;
            if (hasNext && plausible(trip, kept - 1, i + 1)) {
                spikes++;
            } else if (hasNext && plausible(trip, i, i + 1)) {
                if (kept - segmentStart == 1) {
                    spikes++; // the segment's lone first point disagrees with what follows: it is the error
                    kept = segmentStart;
                } else {
                    splits++;
                    if (segmentCount == starts.length) {
                        starts = java.util.Arrays.copyOf(starts, segmentCount * 2);
                    }
                    segmentStart = kept;
                    starts[segmentCount++] = kept;
                }
                move(trip, i, kept++);
            } else {
                spikes++;
            }
        }
        return new Segments(kept, java.util.Arrays.copyOf(starts, segmentCount), spikes, splits);
    }

    private boolean plausible(OpenTrip trip, int a, int b) {
        double dt = trip.time[b] - trip.time[a];
        return within(trip.lat[a], trip.lon[a], trip.lat[b], trip.lon[b], maxSpeedMps * dt + JITTER_METERS);
    }

    /**
     * Whether {@code distanceMeters(...) <= limitMeters}, with the same answer, but without its cosine
     * for the usual case: leaving out the factor cos(latitude), which is at most 1, can only make the
     * distance larger, so a pair within the limit even so is within it (a margin of a millionth covers
     * the rounding of either computation). Only pairs near or beyond the limit pay for the cosine.
     */
    static boolean within(double lat1, double lon1, double lat2, double lon2, double limitMeters) {
        double x = Math.toRadians(longitudeDelta(lon1, lon2));
        double y = Math.toRadians(lat2 - lat1);
        if (EARTH_RADIUS_METERS * Math.sqrt(x * x + y * y) * UPPER_BOUND_MARGIN <= limitMeters) {
            return true;
        }
        return distanceMeters(lat1, lon1, lat2, lon2) <= limitMeters;
    }

    private static final double UPPER_BOUND_MARGIN = 1 + 1e-6;

    /** Equirectangular approximation: within 0.1% for the short hops between fixes. */
    static double distanceMeters(double lat1, double lon1, double lat2, double lon2) {
        double x = Math.toRadians(longitudeDelta(lon1, lon2)) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        double y = Math.toRadians(lat2 - lat1);
        return EARTH_RADIUS_METERS * Math.sqrt(x * x + y * y);
    }

    /** lon2 - lon1 the short way round, across the antimeridian too. */
    private static double longitudeDelta(double lon1, double lon2) {
        double dLon = lon2 - lon1;
        if (dLon > 180) {
            dLon -= 360;
        } else if (dLon < -180) {
            dLon += 360;
        }
        return dLon;
    }

    private static void move(OpenTrip trip, int from, int to) {
        if (from == to) {
            return;
        }
        trip.time[to] = trip.time[from];
        trip.lat[to] = trip.lat[from];
        trip.lon[to] = trip.lon[from];
        if (trip.speed != null) {
            trip.speed[to] = trip.speed[from];
        }
        if (trip.heading != null) {
            trip.heading[to] = trip.heading[from];
        }
        if (trip.accuracy != null) {
            trip.accuracy[to] = trip.accuracy[from];
        }
    }
}
