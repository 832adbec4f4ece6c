package dev.drivelog.logs;

/**
 * How many points to allocate for a trip that has just opened, guessed from the trips closed before
 * it: a fleet's trips are of similar lengths, so an {@link OpenTrip} sized like the longer of the
 * recent ones is filled without ever growing by copy (doubling from 64 copied every column three
 * times over for a 500-point trip). Only memory and copying depend on the guess, never which points
 * are kept or how trips are split.
 */
final class TripCapacityGuess {
    /** No single trip reserves more than this before it has shown that it needs it (2.4 MB of columns). */
    static final int MAX_GUESS = 1 << 16;

    /**
     * The longest recent trip, decaying by 1/32 per closed trip so that one long trip is forgotten
     * after some hundred others; 0 before the first.
     */
    private int recent;

    void closed(int points) {
        recent = Math.max(points, recent - recent / 32);
    }

    /**
     * @param maxPointsPerTrip  a trip never holds more (it is closed at this many)
     * @param freePoints        logs.max_buffered_points less the points open trips hold
     * @param openTrips         trips open besides the new one, which share what is free
     */
    int capacity(int maxPointsPerTrip, long freePoints, int openTrips) {
        long guess = Math.max(OpenTrip.INITIAL_CAPACITY, recent + recent / 8L);
        long share = Math.max(OpenTrip.INITIAL_CAPACITY, freePoints / (openTrips + 1L));
        long capacity = Math.min(Math.min(guess, share), Math.min(maxPointsPerTrip, MAX_GUESS));
        return (int) Math.max(Math.min(OpenTrip.INITIAL_CAPACITY, maxPointsPerTrip), capacity);
    }
}
