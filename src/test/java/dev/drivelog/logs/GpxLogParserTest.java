package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.config.LogsConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpxLogParserTest {

    @Test
    void read_gpx10_speedAndCourseElementsAndOneTripPerSegment() throws Exception {
        Reads read = Reads.fixture("gpx/gpx10-segments.gpx");
        assertEquals("gpx", read.report().format());
        assertEquals(List.of("trip/2026-11-21T08:00:00Z", "trip/2026-11-21T08:30:00Z"),
                read.trips().stream().map(Trip::tripId).toList());
        Trip first = read.trips().getFirst();
        assertEquals(3, first.count());
        assertEquals(12.5f, first.speedMps()[0]);
        assertEquals(10.0f, first.headingDeg()[2]);
        assertEquals(52.5005, first.lat()[1], 1e-9);
        assertEquals(6, read.report().pointsRead(), "the waypoint is not a track point");
    }

    @Test
    void read_gpx10_segmentsJoinedWhenSplittingIsOff() throws Exception {
        // 08:00:10 to 08:30:00 is a long pause anyway; a large gap joins the two segments.
        LogsConfig config = Reads.config("split_gpx_segments: false\ntrip_gap_seconds: 3600");
        Reads read = Reads.fixture("gpx/gpx10-segments.gpx", config);
        assertEquals(1, read.trips().size());
        assertEquals(6, read.trips().getFirst().count());
    }

    @Test
    void read_gpx11_garminExtensionSpeedCourseAndHdop() throws Exception {
        Reads read = Reads.fixture("gpx/gpx11-garmin.gpx");
        assertEquals(2, read.trips().size(), "one trip per track");
        Trip trip = read.trips().getFirst();
        assertEquals(List.of("2026-11-21T09:00:00Z", "2026-11-21T09:00:02Z", "2026-11-21T09:00:04Z",
                "2026-11-21T09:00:06Z"), Reads.times(trip));
        assertEquals(11.1f, trip.speedMps()[0]);
        assertEquals(7.0f, trip.headingDeg()[2]);
        assertEquals(1.5 * LogsConfig.DEFAULTS.hdopUereMeters(), trip.accuracyMeters()[0], 1e-5);
    }

    @Test
    void read_trackPointWithoutTime_skippedWithLineNumber() throws Exception {
        ReadReport report = Reads.fixture("gpx/gpx11-garmin.gpx").report();
        assertEquals(1, report.malformedLines());
        assertEquals(List.of("gpx11-garmin.gpx line 40: trkpt no time, point skipped"), report.problems());
    }

    @Test
    void read_externalEntity_isNotResolved() throws Exception {
        UnreadableLogException e = assertThrows(UnreadableLogException.class, () -> Reads.fixture("gpx/xxe.gpx"));
        assertTrue(e.getMessage().startsWith("xxe.gpx: line "), e.getMessage());
        assertFalse(e.getMessage().contains("root:"), "must not show the file's content");
        assertTrue(e.getMessage().endsWith("entity &secret; is not declared (DTDs are not read)"), e.getMessage());
    }

    @Test
    void read_cutOffDocument_keepsThePointsBeforeAndSaysWhere() throws Exception {
        String gpx = "<gpx>\n<trk><trkseg>\n"
                + "<trkpt lat=\"52.5\" lon=\"13.4\"><time>2026-11-21T08:00:00Z</time></trkpt>\n"
                + "<trkpt lat=\"52.5001\" lon=\"13.4\"><time>2026-11-21T08:00:01Z</time></trkpt>\n<trkpt lat=";
        Reads read = Reads.text("cut.gpx", gpx, LogsConfig.DEFAULTS);
        assertTrue(read.report().truncated());
        assertEquals(2, read.report().pointsRead());
        assertEquals(List.of("cut.gpx line 5: XML error, the rest of the file is skipped: Unexpected end-of-input when trying to parse START_ELEMENT"),
                read.report().problems());
    }

    @Test
    void read_notGpxXml_isUnreadable() {
        UnreadableLogException e = assertThrows(UnreadableLogException.class,
                () -> Reads.text("doc.kml", "<?xml version=\"1.0\"?>\n<kml><Document/></kml>\n", LogsConfig.DEFAULTS));
        assertEquals("doc.kml: XML root element is <kml>, not <gpx>: not a GPX file", e.getMessage());
    }

    @Test
    void read_truncatedGpx_keepsPointsBeforeTheCut() throws Exception {
        String text = new String(Reads.bytes("gpx/gpx11-garmin.gpx"), java.nio.charset.StandardCharsets.UTF_8);
        String cut = text.substring(0, text.indexOf("<name>track 1</name>"));
        Reads read = Reads.text("cut.gpx", cut, LogsConfig.DEFAULTS);
        assertTrue(read.report().truncated());
        assertEquals(1, read.trips().size());
        assertEquals(4, read.trips().getFirst().count());
    }

    @Test
    void read_elementNamedWithTheXmlnsPrefix_isUnreadableGpxNotACrash() {
        // Aalto 1.3.3 throws a bare RuntimeException ("non-singleton binding for ns prefix 'xmlns'")
        // for an element named xmlns:*, which the namespaces spec forbids: a bad file, named as such.
        UnreadableLogException e = assertThrows(UnreadableLogException.class,
                () -> Reads.text("odd.gpx", "<gpx version=\"1.1\">\n<xmlns:a/>\n</gpx>\n", LogsConfig.DEFAULTS));
        assertEquals("odd.gpx: line 2: not readable as GPX: Trying to create non-singleton binding for ns prefix 'xmlns'",
                e.getMessage());
    }

    @Test
    void read_hugeTextBetweenTags_failsWithoutBufferingIt() {
        String text = "<gpx version=\"1.1\"><trk><name>" + "x".repeat(5000) + "</name></trk></gpx>";
        UnreadableLogException e = assertThrows(UnreadableLogException.class,
                () -> Reads.text("big.gpx", text, Reads.config("max_line_bytes: 1024")));
        assertTrue(e.getMessage().contains("logs.max_line_bytes (1024 bytes) of XML text between two tags"), e.getMessage());
    }
}
