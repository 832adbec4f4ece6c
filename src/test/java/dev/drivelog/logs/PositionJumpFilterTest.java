package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PositionJumpFilterTest {
    /** About 11 m of latitude: 11 m/s at one point per second. */
    private static final double STEP = 0.0001;
    private final PositionJumpFilter filter = new PositionJumpFilter(300);

    private static OpenTrip trip(double... lats) {
        OpenTrip trip = new OpenTrip("v");
        for (int i = 0; i < lats.length; i++) {
            trip.add(i, lats[i], 13.4, Float.NaN, Float.NaN, Float.NaN, 0, 300);
        }
        return trip;
    }

    private static double[] kept(OpenTrip trip, PositionJumpFilter.Segments segments) {
        return Arrays.copyOf(trip.lat, segments.keptCount());
    }

    @Test
    void filter_isolatedSpike_isDropped() {
        OpenTrip trip = trip(52, 52 + STEP, 53, 52 + 3 * STEP, 52 + 4 * STEP);
        PositionJumpFilter.Segments segments = filter.filter(trip);
        assertEquals(1, segments.spikes());
        assertArrayEquals(new double[] {52, 52 + STEP, 52 + 3 * STEP, 52 + 4 * STEP}, kept(trip, segments));
        assertArrayEquals(new int[] {0}, segments.starts());
    }

    @Test
    void filter_badFirstPoint_isDropped() {
        OpenTrip trip = trip(10, 52, 52 + STEP, 52 + 2 * STEP);
        PositionJumpFilter.Segments segments = filter.filter(trip);
        assertEquals(1, segments.spikes());
        assertArrayEquals(new double[] {52, 52 + STEP, 52 + 2 * STEP}, kept(trip, segments));
    }

    @Test
    void filter_jumpFollowedByConsistentPoints_splitsAndKeepsAll() {
        OpenTrip trip = trip(52, 52 + STEP, 52 + 2 * STEP, 53, 53 + STEP, 53 + 2 * STEP);
        PositionJumpFilter.Segments segments = filter.filter(trip);
        assertEquals(0, segments.spikes());
        assertEquals(1, segments.splits());
        assertArrayEquals(new int[] {0, 3}, segments.starts());
        assertEquals(6, segments.keptCount());
    }

    @Test
    void filter_plausibleTrip_isUntouched() {
        OpenTrip trip = trip(52, 52 + STEP, 52 + 2 * STEP, 52 + 3 * STEP);
        PositionJumpFilter.Segments segments = filter.filter(trip);
        assertEquals(4, segments.keptCount());
        assertEquals(0, segments.spikes() + segments.splits());
    }

    @Test
    void distanceMeters_oneDegreeOfLatitude_isAbout111km() {
        assertEquals(111_195, PositionJumpFilter.distanceMeters(52, 13, 53, 13), 50);
        assertEquals(PositionJumpFilter.distanceMeters(0, 179.9, 0, -179.9),
                PositionJumpFilter.distanceMeters(0, -0.1, 0, 0.1), 1e-6, "across the antimeridian");
    }

    @Test
    void within_withoutTheCosineShortcut_givesTheSameAnswers() {
        java.util.Random random = new java.util.Random(14);
        int disagreements = 0;
        for (int i = 0; i < 200_000; i++) {
            double lat1 = random.nextDouble() * 178 - 89;
            double lon1 = random.nextDouble() * 360 - 180;
            double scale = Math.pow(10, -random.nextInt(6));
            double lat2 = Math.max(-90, Math.min(90, lat1 + (random.nextDouble() - 0.5) * scale));
            double lon2 = lon1 + (random.nextDouble() - 0.5) * scale * 3;
            lon2 = lon2 > 180 ? lon2 - 360 : lon2 < -180 ? lon2 + 360 : lon2;
            double distance = PositionJumpFilter.distanceMeters(lat1, lon1, lat2, lon2);
            // limits at, just around and well around the distance, where a wrong shortcut would show
            double limit = switch (i % 4) {
                case 0 -> distance;
                case 1 -> Math.nextDown(distance);
                case 2 -> distance * (1 + (random.nextDouble() - 0.5) * 1e-5);
                default -> distance * random.nextDouble() * 2;
            };
            if (PositionJumpFilter.within(lat1, lon1, lat2, lon2, limit) != (distance <= limit)) {
                disagreements++;
            }
        }
        assertEquals(0, disagreements);
    }
}
