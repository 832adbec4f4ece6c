package dev.drivelog.logs;

import dev.drivelog.config.LogsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Turns a stream of points (any order of vehicles) into trips: one open trip per vehicle, ended by a
 * pause longer than logs.trip_gap_seconds, by a track boundary, at logs.max_points_per_trip, or at
 * the end of the input, and then cleaned and handed to the consumer at once. Memory is bounded by
 * logs.max_open_trips and logs.max_buffered_points: past either, the least recently updated trip is
 * closed early (counted), so memory never grows with the file.
 */
final class TripSplitter implements PointSink {
    private final LogsConfig config;
    private final ReadCounts counts;
    private final TripConsumer consumer;
    private final PositionJumpFilter jumpFilter;
    /** In access order, so the first entry is the least recently updated vehicle. */
    private final LinkedHashMap<String, OpenTrip> open = new LinkedHashMap<>(64, 0.75f, true);
    private final TripCapacityGuess capacityGuess = new TripCapacityGuess();
    private long bufferedPoints;
    private boolean earlyCloseReported;

    TripSplitter(LogsConfig config, ReadCounts counts, TripConsumer consumer) {
        this.config = config;
        this.counts = counts;
        this.consumer = consumer;
        this.jumpFilter = new PositionJumpFilter(config.maxSpeedKmh());
    }

    @Override
    public void point(String vehicleId, double timeSeconds, double lat, double lon, float speedMps,
                      float headingDeg, float accuracyMeters, long line) {
        counts.pointsRead++;
        if (!validCoordinates(lat, lon)) {
            counts.invalidCoordinates++;
            counts.problem(line, "impossible coordinates " + lat + ", " + lon + ", point dropped");
            return;
        }
        OpenTrip trip = open.get(vehicleId);
        if (trip != null && (timeSeconds - trip.lastTime() > config.tripGapSeconds()
                || trip.count >= config.maxPointsPerTrip())) {
            if (trip.count >= config.maxPointsPerTrip()) {
                counts.maxPointSplits++;
            }
            close(trip);
            trip = null;
        }
        if (trip == null) {
            trip = new OpenTrip(vehicleId, capacityGuess.capacity(config.maxPointsPerTrip(),
                    config.maxBufferedPoints() - bufferedPoints, open.size()));
            open.put(vehicleId, trip);
        }
        switch (trip.add(timeSeconds, lat, lon, speedMps, headingDeg, accuracyMeters, config.reorderWindowPoints(),
                config.tripGapSeconds())) {
            case APPENDED -> bufferedPoints++;
            case REORDERED -> {
                bufferedPoints++;
                counts.reorderedPoints++;
            }
            case DUPLICATE -> counts.duplicateTimestamps++;
            case TOO_LATE -> {
                counts.outOfOrderDropped++;
                counts.problem(line, "point" + vehicleLabel(vehicleId) + " at " + isoTime(timeSeconds)
                        + " is too late to sort in (more than logs.reorder_window_points, "
                        + config.reorderWindowPoints() + ", or logs.trip_gap_seconds behind), dropped");
            }
        }
        while (open.size() > config.maxOpenTrips() || bufferedPoints > config.maxBufferedPoints()) {
            closeEarly(line);
        }
    }

    @Override
    public void boundary(String vehicleId) {
        OpenTrip trip = open.get(vehicleId);
        if (trip != null) {
            close(trip);
        }
    }

    /** Ends every open trip (end of input), least recently updated first. */
    void finish() {
        while (!open.isEmpty()) {
            close(open.values().iterator().next());
        }
    }

    private boolean validCoordinates(double lat, double lon) {
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            return false; // also NaN
        }
        return !(config.dropNullIsland() && lat == 0 && lon == 0);
    }

    private void closeEarly(long line) {
        Iterator<OpenTrip> eldest = open.values().iterator();
        OpenTrip trip = eldest.next();
        counts.tripsClosedEarly++;
        if (!earlyCloseReported) {
            earlyCloseReported = true;
            counts.problem(line, "more open trips than logs.max_open_trips (" + config.maxOpenTrips()
                    + ") or points than logs.max_buffered_points (" + config.maxBufferedPoints()
                    + "): the least recently updated trips are closed early");
        }
        close(trip);
    }

    private void close(OpenTrip trip) {
        open.remove(trip.vehicleId);
        bufferedPoints -= trip.count;
        capacityGuess.closed(trip.count);
        PositionJumpFilter.Segments segments = jumpFilter.filter(trip);
        counts.spikesDropped += segments.spikes();
        counts.jumpSplits += segments.splits();
        int[] starts = segments.starts();
        for (int s = 0; s < starts.length; s++) {
            int from = starts[s];
            int to = s + 1 < starts.length ? starts[s + 1] : segments.keptCount();
            emit(trip, from, to, starts.length == 1);
        }
    }

    private void emit(OpenTrip trip, int from, int to, boolean whole) {
        int n = to - from;
        if (n < config.minPointsPerTrip()) {
            counts.shortTrips++;
            counts.pointsInShortTrips += n;
            return;
        }
        String tripId = (trip.vehicleId.isEmpty() ? "trip" : trip.vehicleId) + "/" + isoTime(trip.time[from]);
        Trip result = whole
                ? new Trip(trip.vehicleId, tripId, n, trip.time, trip.lat, trip.lon, trip.speed, trip.heading, trip.accuracy)
                : new Trip(trip.vehicleId, tripId, n, Arrays.copyOfRange(trip.time, from, to),
                        Arrays.copyOfRange(trip.lat, from, to), Arrays.copyOfRange(trip.lon, from, to),
                        slice(trip.speed, from, to), slice(trip.heading, from, to), slice(trip.accuracy, from, to));
        counts.trips++;
        counts.pointsInTrips += n;
        try {
            consumer.accept(result);
        } catch (IOException e) {
            throw new ConsumerFailedException(e);
        }
    }

    private static float[] slice(float[] column, int from, int to) {
        return column == null ? null : Arrays.copyOfRange(column, from, to);
    }

    private static String vehicleLabel(String vehicleId) {
        return vehicleId.isEmpty() ? "" : " of vehicle " + vehicleId;
    }

    static String isoTime(double timeSeconds) {
        return UtcText.isoMillis(Math.round(timeSeconds * 1000));
    }

    /** Carries the consumer's IOException out through the parsers, which treat their own differently. */
    static final class ConsumerFailedException extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        ConsumerFailedException(IOException cause) {
            super(cause);
        }
    }
}
