package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drivelog.config.LogsConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TripSplitterTest {

    private static TripSplitter splitter(LogsConfig config, ReadCounts counts, List<Trip> out) {
        return new TripSplitter(config, counts, out::add);
    }

    private static void point(TripSplitter splitter, String vehicle, double t) {
        splitter.point(vehicle, t, 52 + t * 1e-5, 13.4, Float.NaN, Float.NaN, Float.NaN, (long) t);
    }

    @Test
    void point_reachingMaxPointsPerTrip_emitsAndContinues() {
        List<Trip> trips = new ArrayList<>();
        ReadCounts counts = new ReadCounts("t", 10);
        TripSplitter splitter = splitter(Reads.config("max_points_per_trip: 4"), counts, trips);
        for (int t = 0; t < 10; t++) {
            point(splitter, "v", t);
        }
        splitter.finish();
        assertEquals(List.of(4, 4, 2), trips.stream().map(Trip::count).toList());
        assertEquals(2, counts.maxPointSplits);
        assertEquals(10, counts.pointsInTrips);
    }

    @Test
    void point_overMaxBufferedPoints_closesLeastRecentlyUpdatedFirst() {
        List<Trip> trips = new ArrayList<>();
        ReadCounts counts = new ReadCounts("t", 10);
        TripSplitter splitter = splitter(Reads.config("max_points_per_trip: 4\nmax_buffered_points: 6"), counts, trips);
        for (int t = 0; t < 3; t++) {
            point(splitter, "a", t);
            point(splitter, "b", t + 0.5);
        }
        // Six points buffered; a seventh (from b) closes a, the least recently updated.
        point(splitter, "b", 3.5);
        assertEquals(List.of("a"), trips.stream().map(Trip::vehicleId).toList());
        assertEquals(1, counts.tripsClosedEarly);
        splitter.finish();
        assertEquals(List.of("a", "b"), trips.stream().map(Trip::vehicleId).toList());
    }

    @Test
    void boundary_closesOnlyThatVehiclesTrip() {
        List<Trip> trips = new ArrayList<>();
        TripSplitter splitter = splitter(LogsConfig.DEFAULTS, new ReadCounts("t", 10), trips);
        point(splitter, "a", 0);
        point(splitter, "a", 1);
        point(splitter, "b", 0);
        point(splitter, "b", 1);
        splitter.boundary("a");
        assertEquals(List.of("a/1970-01-01T00:00:00Z"), trips.stream().map(Trip::tripId).toList());
        point(splitter, "a", 2);
        point(splitter, "a", 3);
        splitter.finish();
        assertEquals(List.of("a/1970-01-01T00:00:00Z", "b/1970-01-01T00:00:00Z", "a/1970-01-01T00:00:02Z"),
                trips.stream().map(Trip::tripId).toList());
    }
}
