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
}
