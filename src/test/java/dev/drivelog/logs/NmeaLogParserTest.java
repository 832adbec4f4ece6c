package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.config.LogsConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class NmeaLogParserTest {

    @Test
    void read_severalTalkers_mergesEpochsAcrossMidnight() throws Exception {
        Reads read = Reads.fixture("nmea/multi-talker.nmea");
        assertEquals("nmea", read.report().format());
        assertEquals(1, read.trips().size());
        Trip trip = read.trips().getFirst();
        assertEquals("", trip.vehicleId());
        // Five epochs with RMC on the 21st; then GGA only: 23:59:58 and :59 keep the RMC date, and the
        // time of day wrapping to 00:00:00 moves the date on to the 22nd.
        assertEquals(List.of("2026-11-21T23:59:55Z", "2026-11-21T23:59:56Z", "2026-11-21T23:59:57Z",
                "2026-11-21T23:59:58Z", "2026-11-21T23:59:59Z", "2026-11-22T00:00:00Z", "2026-11-22T00:00:01Z",
                "2026-11-22T00:00:02Z", "2026-11-22T00:00:03Z", "2026-11-22T00:00:04Z"), Reads.times(trip));
    }

    @Test
    void read_rmcGgaVtg_takesPositionSpeedCourseAndAccuracy() throws Exception {
        Trip trip = Reads.fixture("nmea/multi-talker.nmea").trips().getFirst();
        assertEquals(52.5, trip.lat()[0], 1e-9);
        assertEquals(13.4, trip.lon()[0], 1e-9);
        assertEquals(10.0, trip.speedMps()[0], 1e-4, "VTG's 36 km/h wins over RMC's knots");
        assertEquals(0.0, trip.headingDeg()[0], 1e-9);
        assertEquals(0.9 * LogsConfig.DEFAULTS.hdopUereMeters(), trip.accuracyMeters()[0], 1e-5);
        assertTrue(Float.isNaN(trip.speedMps()[5]), "a GGA-only epoch reports no speed");
    }

    @Test
    void read_badSentences_skippedAndReportedWithLineNumbers() throws Exception {
        ReadReport report = Reads.fixture("nmea/multi-talker.nmea").report();
        assertEquals(3, report.malformedLines(), report.problems().toString());
        assertEquals(1, report.invalidFixes(), "RMC with status V");
        List<String> problems = report.problems();
        assertTrue(problems.contains("multi-talker.nmea line 1: not an NMEA sentence, line skipped"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("multi-talker.nmea line 18: NMEA checksum mismatch")),
                problems.toString());
        assertTrue(problems.contains("multi-talker.nmea line 19: NMEA sentence without checksum (cut short?), sentence skipped"),
                problems.toString());
    }

    @Test
    void read_ggaBeforeFirstRmc_droppedAsUndated() throws Exception {
        Reads read = Reads.fixture("nmea/gga-before-rmc.nmea");
        ReadReport report = read.report();
        assertEquals(1, report.undatedFixes());
        assertEquals(1, report.invalidFixes(), "GGA fix quality 0");
        assertEquals(List.of("2026-03-01T10:00:02Z", "2026-03-01T10:00:03Z", "2026-03-01T10:00:04Z"),
                Reads.times(read.trips().getFirst()));
        assertEquals(10.0 * 1852 / 3600, read.trips().getFirst().speedMps()[0], 1e-4, "RMC speed is in knots");
        assertTrue(report.problems().contains("gga-before-rmc.nmea line 1: fixes before the first RMC sentence have no date, dropped"));
    }

    @Test
    void read_twoSentencesGluedOnOneLine_readsTheCompleteOne() throws Exception {
        String complete = "$GPRMC,120000.00,A,5230.0000,N,01324.0000,E,1.0,0.0,211126,,,A*6E";
        String second = "$GPRMC,120001.00,A,5230.0060,N,01324.0000,E,1.0,0.0,211126,,,A*6E";
        String text = "$GPRMC,11595" + fixChecksum(complete) + "\n" + fixChecksum(second) + "\n";
        Reads read = Reads.text("glued.nmea", text, LogsConfig.DEFAULTS);
        assertEquals(2, read.report().pointsRead(), read.report().problems().toString());
        assertEquals(1, read.report().malformedLines());
    }

    @Test
    void read_southWest_givesNegativeCoordinates() throws Exception {
        String text = fixChecksum("$GNRMC,120000.00,A,3351.0000,S,15112.0000,W,0.0,,211126,,,A*00") + "\n"
                + fixChecksum("$GNRMC,120001.00,A,3351.0006,S,15112.0000,W,0.0,,211126,,,A*00") + "\n";
        Trip trip = Reads.text("south.nmea", text, LogsConfig.DEFAULTS).trips().getFirst();
        assertEquals(-33.85, trip.lat()[0], 1e-9);
        assertEquals(-151.2, trip.lon()[0], 1e-9);
        assertNull(trip.headingDeg(), "no point reports a course");
    }

    /** Recomputes the checksum so that test sentences can be written by hand. */
    static String fixChecksum(String sentence) {
        int star = sentence.lastIndexOf('*');
        int sum = 0;
        for (int i = 1; i < star; i++) {
            sum ^= sentence.charAt(i);
        }
        return sentence.substring(0, star + 1) + String.format("%02X", sum);
    }
}
