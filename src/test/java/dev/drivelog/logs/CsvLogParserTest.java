package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.config.LogsConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLogParserTest {

    @Test
    void read_bomSemicolonsQuotesEpochMillis_readsAllRows() throws Exception {
        Reads read = Reads.fixture("csv/semicolon-bom-quoted.csv");
        assertEquals(1, read.trips().size(), read.report().problems().toString());
        Trip trip = read.trips().getFirst();
        assertEquals("Van \"7\"; north", trip.vehicleId());
        assertEquals(5, trip.count());
        assertEquals(List.of("2025-11-21T08:00:00Z", "2025-11-21T08:00:01Z", "2025-11-21T08:00:02Z",
                "2025-11-21T08:00:03Z", "2025-11-21T08:00:04Z"), Reads.times(trip));
        assertEquals(10.0f, trip.speedMps()[0], 1e-5f, "Speed (km/h) column");
        assertEquals(90.0f, trip.headingDeg()[0]);
        assertEquals(1.2 * 5.0, trip.accuracyMeters()[0], 1e-5, "HDOP x UERE");
    }

    @Test
    void read_tabsEpochSecondsOtherColumnOrder_readsAllRows() throws Exception {
        Reads read = Reads.fixture("csv/tab-epoch-seconds.tsv");
        Trip trip = read.trips().getFirst();
        assertEquals("truck-1", trip.vehicleId());
        assertEquals(4, trip.count());
        assertEquals(52.5003, trip.lat()[3], 1e-9);
        assertEquals(13.4, trip.lon()[3], 1e-9);
        assertEquals(8.0f, trip.speedMps()[0]);
        assertEquals("2025-11-21T08:00:00Z", Reads.times(trip).getFirst());
    }

    @Test
    void read_badRows_eachSkippedOrCleanedAndCounted() throws Exception {
        Reads read = Reads.fixture("csv/bad-rows.csv");
        ReadReport report = read.report();
        assertEquals(List.of(
                "bad-rows.csv line 3: point at 2026-11-21T07:00:01Z is too late to sort in (more than"
                        + " logs.reorder_window_points, 32, or logs.trip_gap_seconds behind), dropped",
                "bad-rows.csv line 4: bad latitude 'north', line skipped",
                "bad-rows.csv line 6: impossible coordinates 95.0, 13.4, point dropped",
                "bad-rows.csv line 7: impossible coordinates 0.0, 0.0, point dropped",
                "bad-rows.csv line 8: bad time 'yesterday' (at the year), line skipped",
                "bad-rows.csv line 10: expected 5 fields, got 2, line skipped"), report.problems());
        assertEquals(3, report.malformedLines());
        assertEquals(2, report.invalidCoordinates());
        assertEquals(1, report.outOfOrderDropped());
        assertEquals(1, report.duplicateTimestamps());
        Trip trip = read.trips().getFirst();
        assertEquals(List.of("2026-11-21T08:00:00Z", "2026-11-21T08:00:03Z", "2026-11-21T08:00:07Z",
                "2026-11-21T08:00:08Z"), Reads.times(trip));
        assertTrue(Float.isNaN(trip.accuracyMeters()[1]), "missing optional column");
        assertTrue(Float.isNaN(trip.speedMps()[2]), "empty optional field");
    }

    @Test
    void read_problemLimit_describesFirstFewAndCountsAll() throws Exception {
        Reads read = Reads.fixture("csv/bad-rows.csv", Reads.config("max_reported_problems: 2"));
        assertEquals(3, read.report().problems().size());
        assertEquals("bad-rows.csv: 4 more problems not described (logs.max_reported_problems)",
                read.report().problems().get(2));
        assertEquals(3, read.report().malformedLines());
    }

    @Test
    void read_headerWithoutLatitude_isUnreadableNamingTheColumn() {
        UnreadableLogException e = assertThrows(UnreadableLogException.class,
                () -> Reads.text("x.csv", "time,y,lon\n2026-11-21T08:00:00Z,1,2\n", LogsConfig.DEFAULTS));
        assertEquals("x.csv: line 1: CSV header has no lat column (looked for lat, latitude); header is: time,y,lon",
                e.getMessage());
    }

    @Test
    void read_localTimesWithZoneConfigured_convertsToUtc() throws Exception {
        String text = "datetime,latitude,longitude\n2026-07-01 10:00:00,52.5,13.4\n2026-07-01 10:00:01,52.5001,13.4\n";
        Trip trip = Reads.text("local.csv", text, Reads.config("time_zone: Europe/Berlin")).trips().getFirst();
        assertEquals("2026-07-01T08:00:00Z", Reads.times(trip).getFirst());
        assertNull(trip.speedMps());
    }

    @Test
    void read_separateDateAndTimeColumns_areJoined() throws Exception {
        String text = "time;date;lat;lon\n08:00:00;2026-11-21;52.5;13.4\n09:00:01.5+01:00;2026-11-21;52.5001;13.4\n";
        Trip trip = Reads.text("split.csv", text, LogsConfig.DEFAULTS).trips().getFirst();
        assertEquals(List.of("2026-11-21T08:00:00Z", "2026-11-21T08:00:01.500Z"), Reads.times(trip));
    }

    @Test
    void read_everyRowBad_isUnreadable() {
        UnreadableLogException e = assertThrows(UnreadableLogException.class,
                () -> Reads.text("junk.csv", "time,lat,lon\nx,y,z\na,b,c\n", LogsConfig.DEFAULTS));
        assertTrue(e.getMessage().startsWith("junk.csv: no readable point in 3 lines as csv; first problem: junk.csv line 2:"),
                e.getMessage());
    }
}
