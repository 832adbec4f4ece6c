package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TripCapacityGuessTest {
    private static final long PLENTY = 2_000_000;

    @Test
    void capacity_beforeAnyTrip_isTheInitialCapacity() {
        assertEquals(OpenTrip.INITIAL_CAPACITY, new TripCapacityGuess().capacity(100_000, PLENTY, 0));
    }

    @Test
    void capacity_afterTripsOfOneLength_holdsSuchATripWithoutGrowing() {
        TripCapacityGuess guess = new TripCapacityGuess();
        guess.closed(430);
        guess.closed(380);
        int capacity = guess.capacity(100_000, PLENTY, 99);
        assertTrue(capacity >= 430 && capacity < 2 * 430, "capacity " + capacity);
    }

    @Test
    void capacity_afterOneLongTrip_decaysBackToTheUsualLength() {
        TripCapacityGuess guess = new TripCapacityGuess();
        guess.closed(20_000);
        for (int i = 0; i < 300; i++) {
            guess.closed(300);
        }
        int capacity = guess.capacity(100_000, PLENTY, 0);
        assertTrue(capacity >= 300 && capacity < 400, "capacity " + capacity);
    }

    @Test
    void capacity_isBoundedByTheLimitsOfTheConfiguration() {
        TripCapacityGuess guess = new TripCapacityGuess();
        guess.closed(1_000_000);
        assertEquals(TripCapacityGuess.MAX_GUESS, guess.capacity(50_000_000, Long.MAX_VALUE / 2, 0));
        assertEquals(5_000, guess.capacity(5_000, PLENTY, 0), "max_points_per_trip");
        assertEquals(2_000, guess.capacity(100_000, 20_000, 9), "a share of the free buffered points");
        assertEquals(OpenTrip.INITIAL_CAPACITY, guess.capacity(100_000, 100, 9_999), "never below the initial");
        assertEquals(2, guess.capacity(2, 0, 10), "never above max_points_per_trip");
    }
}
