package dev.drivelog.logs;

import java.io.IOException;

/**
 * Receives each trip as soon as it is complete. The trip's arrays belong to the consumer from then
 * on (the reader never touches them again).
 */
@FunctionalInterface
public interface TripConsumer {
    void accept(Trip trip) throws IOException;
}
