package dev.drivelog.job;

import dev.drivelog.logs.Trip;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads one drive log into trips, streaming: each trip is handed on as soon as it is complete, and
 * its arrays then belong to the receiver. The seam between {@link LogFileAnalysis} and the log
 * readers of {@code dev.drivelog.logs}.
 */
@FunctionalInterface
public interface TripSource {
    /** Receives the trips of an input, in the order the reader completes them. */
    @FunctionalInterface
    interface Trips {
        void accept(Trip trip) throws IOException;
    }

    /**
     * What reading an input did.
     *
     * @param pointsRead points parsed (before cleaning)
     * @param problems   skipped lines and cleanings worth telling, each naming the input and line
     */
    record ReadResult(long pointsRead, List<String> problems) {
        public ReadResult {
            problems = List.copyOf(problems);
        }
    }

    /**
     * @throws InputRejectedException when the input cannot be read at all (the message names it)
     * @throws IOException            for I/O failures, and whatever {@code trips} throws
     */
    ReadResult read(String name, InputStream input, Trips trips) throws IOException, InputRejectedException;
}
