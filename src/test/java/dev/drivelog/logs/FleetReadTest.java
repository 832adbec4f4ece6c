package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The multi-vehicle fixture: three vehicles interleaved by time, a pause, disorder, a spike. */
class FleetReadTest {

    @Test
    void read_interleavedVehicles_splitsByVehicleAndGap() throws Exception {
        Reads read = Reads.fixture("fleet/interleaved.csv");
        List<String> ids = read.trips().stream().map(Trip::tripId).toList();
        // A's first trip ends when its point after the 29-minute pause arrives; the rest at the end of input.
        assertEquals(List.of("A/2026-11-21T08:00:00Z", "B/2026-11-21T08:00:03Z", "C/2026-11-21T08:00:05Z",
                "A/2026-11-21T08:30:00Z"), ids);
        for (Trip trip : read.trips()) {
            assertEquals(6, trip.count(), trip.tripId());
        }
    }

    @Test
    void read_interleavedVehicles_cleansDisorderDuplicateAndSpike() throws Exception {
        Reads read = Reads.fixture("fleet/interleaved.csv");
        Trip c = read.trips().get(2);
        assertEquals(List.of("2026-11-21T08:00:05Z", "2026-11-21T08:00:15Z", "2026-11-21T08:00:25Z",
                "2026-11-21T08:00:35Z", "2026-11-21T08:00:45Z", "2026-11-21T08:00:55Z"), Reads.times(c));
        for (int i = 0; i < c.count(); i++) {
            assertTrue(c.lat()[i] < 52.46, "spike at 52.9 must be gone, got " + c.lat()[i]);
        }
        ReadReport report = read.report();
        assertEquals(1, report.reorderedPoints());
        assertEquals(1, report.duplicateTimestamps());
        assertEquals(1, report.spikesDropped());
        assertEquals(26, report.pointsRead());
        assertEquals(24, report.pointsInTrips());
        assertEquals(4, report.trips());
        assertEquals(0, report.malformedLines());
    }

    @Test
    void read_speedColumn_usesConfiguredUnit() throws Exception {
        Trip a = Reads.fixture("fleet/interleaved.csv", Reads.config("speed_unit: kmh")).trips().getFirst();
        assertEquals(12.0 / 3.6, a.speedMps()[0], 1e-5);
        assertNull(a.headingDeg());
        assertNull(a.accuracyMeters());
    }

    @Test
    void read_gzip_sameTripsAsPlain() throws Exception {
        Reads plain = Reads.fixture("fleet/interleaved.csv");
        Reads gzip = Reads.fixture("fleet/interleaved.csv.gz");
        assertEquals("gzip", gzip.report().compression());
        assertEquals(plain.trips().size(), gzip.trips().size());
        for (int i = 0; i < plain.trips().size(); i++) {
            Trip p = plain.trips().get(i);
            Trip g = gzip.trips().get(i);
            assertEquals(p.tripId(), g.tripId());
            assertArrayEquals(java.util.Arrays.copyOf(p.lat(), p.count()), java.util.Arrays.copyOf(g.lat(), g.count()));
        }
        assertEquals(plain.report().decodedBytes(), gzip.report().decodedBytes());
        assertTrue(gzip.report().inputBytes() < gzip.report().decodedBytes());
    }

    @Test
    void read_gzipWithoutExtension_detectedByMagicBytes() throws Exception {
        Reads read = Reads.fixture("fleet/interleaved-gzip-no-extension");
        assertEquals("gzip", read.report().compression());
        assertEquals("csv", read.report().format());
        assertEquals(4, read.trips().size());
    }

    @Test
    void read_smallTripGap_splitsMore() throws Exception {
        // With a 5 s gap, every 10 s step ends a trip: single points, dropped as too short. C's late point
        // (08:00:15 after 08:00:25) is more than the gap behind: dropped, not sorted in.
        Reads read = Reads.fixture("fleet/interleaved.csv", Reads.config("trip_gap_seconds: 5"));
        assertEquals(List.of(), read.trips());
        assertEquals(1, read.report().outOfOrderDropped());
        assertEquals(23, read.report().shortTrips(), read.report().summary());
    }

    @Test
    void read_maxOpenTripsOne_closesLeastRecentlyUpdatedEarly() throws Exception {
        Reads read = Reads.fixture("fleet/interleaved.csv", Reads.config("max_open_trips: 1\nmin_points_per_trip: 1"));
        assertTrue(read.report().tripsClosedEarly() > 0);
        assertEquals(read.report().pointsInTrips(), read.trips().stream().mapToInt(Trip::count).sum());
        // Nothing is lost to the memory bound: every cleaned point is still handed on.
        ReadReport r = read.report();
        assertEquals(r.pointsRead() - r.duplicateTimestamps() - r.spikesDropped() - r.outOfOrderDropped(),
                r.pointsInTrips(), r.summary());
        assertTrue(read.report().problems().stream().anyMatch(p -> p.contains("logs.max_open_trips")));
    }
}
