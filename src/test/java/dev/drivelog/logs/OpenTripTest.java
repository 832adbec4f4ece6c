package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OpenTripTest {
    private static final float NAN = Float.NaN;

    private static OpenTrip.Added add(OpenTrip trip, double t, int window) {
        return trip.add(t, 52, 13, NAN, NAN, NAN, window, 300);
    }

    @Test
    void add_latePointWithinWindow_isSortedIn() {
        OpenTrip trip = new OpenTrip("v");
        for (double t : new double[] {1, 2, 4, 5}) {
            assertEquals(OpenTrip.Added.APPENDED, add(trip, t, 3));
        }
        assertEquals(OpenTrip.Added.REORDERED, add(trip, 3, 3));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, Arrays.copyOf(trip.time, trip.count));
    }

    @Test
    void add_latePointBeyondWindow_isRefused() {
        OpenTrip trip = new OpenTrip("v");
        for (double t : new double[] {1, 2, 4, 5, 6}) {
            add(trip, t, 2);
        }
        assertEquals(OpenTrip.Added.TOO_LATE, add(trip, 3, 2));
        assertEquals(5, trip.count);
    }

    @Test
    void add_latePointBeyondMaxLateness_isRefused() {
        OpenTrip trip = new OpenTrip("v");
        trip.add(1000, 52, 13, NAN, NAN, NAN, 32, 300);
        assertEquals(OpenTrip.Added.TOO_LATE, trip.add(600, 52, 13, NAN, NAN, NAN, 32, 300));
        assertEquals(OpenTrip.Added.REORDERED, trip.add(800, 52, 13, NAN, NAN, NAN, 32, 300));
    }

    @Test
    void add_sameTimeTwice_isDuplicateEvenWithoutWindow() {
        OpenTrip trip = new OpenTrip("v");
        add(trip, 1, 0);
        add(trip, 2, 0);
        assertEquals(OpenTrip.Added.DUPLICATE, add(trip, 2, 0));
        assertEquals(OpenTrip.Added.TOO_LATE, add(trip, 1.5, 0));
        add(trip, 3, 4);
        assertEquals(OpenTrip.Added.DUPLICATE, add(trip, 1, 4));
    }

    @Test
    void add_optionalColumns_allocatedOnFirstValueWithNaNBefore() {
        OpenTrip trip = new OpenTrip("v");
        for (int i = 0; i < 100; i++) {
            trip.add(i, 52, 13, i < 70 ? NAN : 5f, NAN, NAN, 8, 300);
        }
        assertNull(trip.heading);
        assertTrue(Float.isNaN(trip.speed[0]) && Float.isNaN(trip.speed[69]));
        assertEquals(5f, trip.speed[70]);
        assertEquals(100, trip.count);
    }

    @Test
    void add_reorderedPoint_movesOptionalColumnsAlong() {
        OpenTrip trip = new OpenTrip("v");
        trip.add(1, 52.1, 13, 1f, 10f, NAN, 8, 300);
        trip.add(3, 52.3, 13, 3f, 30f, NAN, 8, 300);
        trip.add(2, 52.2, 13, 2f, 20f, NAN, 8, 300);
        assertArrayEquals(new double[] {52.1, 52.2, 52.3}, Arrays.copyOf(trip.lat, 3));
        assertArrayEquals(new float[] {1f, 2f, 3f}, Arrays.copyOf(trip.speed, 3));
        assertArrayEquals(new float[] {10f, 20f, 30f}, Arrays.copyOf(trip.heading, 3));
    }

    @Test
    void add_anyInitialCapacity_keepsTheSamePoints() {
        OpenTrip small = new OpenTrip("v", 1);
        OpenTrip large = new OpenTrip("v", 1000);
        OpenTrip usual = new OpenTrip("v");
        java.util.Random random = new java.util.Random(14);
        for (int i = 0; i < 300; i++) {
            double t = i - (random.nextInt(10) == 0 ? random.nextInt(5) + 0.5 : 0);
            float speed = i < 100 ? NAN : random.nextFloat();
            float accuracy = i < 200 ? NAN : 5;
            OpenTrip.Added expected = usual.add(t, 52 + i * 1e-4, 13, speed, NAN, accuracy, 8, 300);
            assertEquals(expected, small.add(t, 52 + i * 1e-4, 13, speed, NAN, accuracy, 8, 300));
            assertEquals(expected, large.add(t, 52 + i * 1e-4, 13, speed, NAN, accuracy, 8, 300));
        }
        for (OpenTrip trip : new OpenTrip[] {small, large}) {
            assertEquals(usual.count, trip.count);
            assertArrayEquals(Arrays.copyOf(usual.time, usual.count), Arrays.copyOf(trip.time, trip.count));
            assertArrayEquals(Arrays.copyOf(usual.lat, usual.count), Arrays.copyOf(trip.lat, trip.count));
            assertArrayEquals(Arrays.copyOf(usual.speed, usual.count), Arrays.copyOf(trip.speed, trip.count));
            assertArrayEquals(Arrays.copyOf(usual.accuracy, usual.count), Arrays.copyOf(trip.accuracy, trip.count));
            assertNull(trip.heading);
        }
    }
}
