package dev.drivelog.report;

import dev.drivelog.analysis.result.MatchedSegment;
import dev.drivelog.analysis.result.TripQuality;
import dev.drivelog.analysis.result.TripResult;
import dev.drivelog.analysis.result.TripSummary;
import dev.drivelog.analysis.result.Violation;
import dev.drivelog.logs.Trip;
import dev.drivelog.output.TripOutcome;
import java.util.List;
import java.util.Map;

/** Hand-made trips, results and roads for the report's unit tests. */
final class ReportFixtures {
    static final double START = 1795161600.0;
    static final double LAT = 52.5;
    static final double LON = 13.4;

    private ReportFixtures() {}

    /** {@code n} points eastwards along a line at 1 Hz, 15 m/s, with a small zig-zag. */
    static Trip eastwards(String tripId, int n) {
        double[] time = new double[n];
        double[] lat = new double[n];
        double[] lon = new double[n];
        float[] speed = new float[n];
        for (int i = 0; i < n; i++) {
            time[i] = START + i;
            lat[i] = LAT + (i % 2 == 0 ? 0 : 0.00002) + Math.sin(i / 500.0) * 0.001;
            lon[i] = LON + i * 0.0002;
            speed[i] = 15f;
        }
        return new Trip("van-1", tripId, n, time, lat, lon, speed, null, null);
    }

    static Violation speeding(String roadName, long wayId) {
        return new Violation("speeding", START + 2, START + 6, LAT, LON + 0.0004, List.of(wayId), roadName, 0.9,
                "moderate", Map.of("max_speed_kmh", 54.0, "limit_kmh", 30.0));
    }

    static Violation harshBraking(String roadName, long wayId) {
        return new Violation("harsh_braking", START + 8, START + 10, LAT, LON + 0.0008, List.of(wayId), roadName, 0.8,
                "severe", Map.of("peak_mps2", 7.6, "duration_s", 2.0));
    }

    static TripOutcome outcome(Trip trip, List<Violation> violations) {
        return outcome(trip, violations, List.of());
    }

    static TripOutcome outcome(Trip trip, List<Violation> violations, List<Violation> events) {
        TripQuality quality = new TripQuality(0, null, 0, 0, 0, 0, null, null, List.of("gaps"));
        double end = trip.timeSeconds()[trip.count() - 1];
        TripSummary summary = new TripSummary(trip.count(), trip.count(), trip.count(), 1.0, 1, 1234.0, end - START,
                START, end, quality, null, null);
        List<MatchedSegment> matched = List.of(new MatchedSegment(100, "Hauptstraße", START, end, true, 0,
                List.of(new double[] {LON, LAT}, new double[] {trip.lon()[trip.count() - 1], LAT})));
        TripResult result = new TripResult(TripResult.SCHEMA, trip.tripId(), "test", summary, violations, events, matched);
        return TripOutcome.analysed(trip.vehicleId(), trip.tripId(), trip.count(), result, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static RoadContext roads(String name) {
        Road road = new Road(100, "residential", name, 1, 30, 30, new double[] {LAT, LON - 0.001, LAT, LON + 0.01});
        return new RoadContext(List.of(road), List.of(new StopSignMark(7, LAT, LON + 0.002, 100)), 0);
    }
}
