package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.config.LogsConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesLogParserTest {

    @Test
    void read_traccarStyle_speedInKnotsAndDeviceId() throws Exception {
        Reads read = Reads.fixture("jsonl/traccar.jsonl");
        assertEquals("jsonl", read.report().format());
        Trip trip = read.trips().getFirst();
        assertEquals("42", trip.vehicleId());
        assertEquals(4, trip.count());
        assertEquals(10.0 * 1852 / 3600, trip.speedMps()[0], 1e-4);
        assertEquals(45.0f, trip.headingDeg()[0]);
        assertEquals(4.0f, trip.accuracyMeters()[0]);
        assertEquals("2026-11-21T08:00:03Z", Reads.times(trip).get(3));
    }

    @Test
    void read_traccarStyle_invalidAndBrokenLinesCounted() throws Exception {
        ReadReport report = Reads.fixture("jsonl/traccar.jsonl").report();
        assertEquals(1, report.invalidFixes(), "valid: false");
        assertEquals(2, report.malformedLines());
        assertTrue(report.problems().get(0).startsWith("traccar.jsonl line 5: not a JSON object ("), report.problems().toString());
        assertEquals("traccar.jsonl line 7: not a JSON object, line skipped", report.problems().get(1));
    }

    @Test
    void read_osmandStyle_epochMillisMetresPerSecondHdop() throws Exception {
        Trip trip = Reads.fixture("jsonl/osmand.jsonl").trips().getFirst();
        assertEquals("phone-9", trip.vehicleId());
        assertEquals(List.of("2025-11-21T08:00:00Z", "2025-11-21T08:00:01Z", "2025-11-21T08:00:02Z"), Reads.times(trip));
        assertEquals(5.0f, trip.speedMps()[0]);
        assertEquals(180.0f, trip.headingDeg()[0]);
        assertEquals(2.0 * LogsConfig.DEFAULTS.hdopUereMeters(), trip.accuracyMeters()[0], 1e-5);
    }

    @Test
    void read_explicitUnitField_winsOverPlainSpeed() throws Exception {
        String text = """
                {"vehicle_id":"v","ts":"2026-11-21T08:00:00Z","lat":52.5,"lon":13.4,"speed":99,"speed_kmh":36}
                {"vehicle_id":"v","ts":"2026-11-21T08:00:01Z","lat":"52.5001","lon":"13.4","speed":"10"}
                """;
        Trip trip = Reads.text("units.jsonl", text, Reads.config("speed_unit: mph")).trips().getFirst();
        assertEquals(10.0f, trip.speedMps()[0], 1e-5f);
        assertEquals(10 * 1609.344 / 3600, trip.speedMps()[1], 1e-4, "plain speed in logs.speed_unit; numbers as text");
    }

    /** Every sink call and every counted problem of one read, as text. */
    private static List<String> readAll(String text, boolean asciiInPlace) throws Exception {
        List<String> out = new ArrayList<>();
        ReadCounts counts = new ReadCounts("t.jsonl", 1000);
        PointSink sink = new PointSink() {
            @Override
            public void point(String vehicleId, double time, double lat, double lon, float speed, float heading,
                              float accuracy, long line) {
                out.add(line + " " + vehicleId + " " + time + " " + lat + " " + lon + " " + speed + " " + heading + " " + accuracy);
            }

            @Override
            public void boundary(String vehicleId) {
                out.add("boundary " + vehicleId);
            }
        };
        new JsonLinesLogParser(Reads.config("speed_unit: kmh"), counts, asciiInPlace)
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sink);
        ReadReport report = counts.toReport("jsonl", "none", 0, 0);
        out.add("lines " + report.lines() + " malformed " + report.malformedLines() + " invalid " + report.invalidFixes());
        out.addAll(report.problems());
        return out;
    }

    /**
     * ASCII lines are parsed where they lie in the reader's buffer, other lines decoded first: the
     * points, counts and every message (Jackson's own wording included) must be those of decoding
     * every line, as the reader always did.
     */
    @Test
    void read_asciiLinesInPlace_sameAsDecodingEveryLine() throws Exception {
        String text = String.join("\n",
                "{\"vehicle_id\":\"v\",\"ts\":\"2026-11-21T08:00:00Z\",\"lat\":52.5,\"lon\":13.4,\"speed\":36}",
                "{\"deviceId\":7,\"fixTime\":\"2026-11-21T08:00:01Z\",\"latitude\":52.50001,\"longitude\":1.34E1,\"speed\":10.5}",
                "  ", "\t", "{\"vehicle_id\":\"v\",\"ts\":1795161602.25,\"lat\":\"52.5002\",\"lon\":13.4,\"valid\":false}",
                "{\"vehicle_id\":\"\u6E0B\u8C37\",\"ts\":\"2026-11-21T08:00:03Z\",\"lat\":52.5003,\"lon\":13.4}",
                "{\"vehicle_id\":\"v\",\"ts\":\"2026-11-21T08:00:04Z\",\"lat\":52.5004,\"lon\":13.4,\"attributes\":{\"a\":[1,{\"b\":2}]}}",
                "{\"lat\":tru}", "{\"lat\":1,}", "{lat:1}", "{\"lat\":01}", "{\"lat\":1.5e}", "{\"lat\":\"unclosed}",
                "{\"lat\":1} {\"lat\":2}", "[1,2]", "null", "42", "{\"lat\":1", "}", "{\"a\":\"\\x\"}",
                "{\"lat\":NaN,\"lon\":1,\"ts\":1}", "{\"lat\":-,\"lon\":1}", "{\"ts\":\"yesterday\",\"lat\":1,\"lon\":2}",
                "{\"lat\":1,\"lon\":2}", "{\"vehicle_id\":\"v\",\"ts\":\"2026-11-21T08:00:05Z\",\"lat\":52.5005,\"lon\":13.4,\"speed\":\"x\"}",
                "{\"vehicle_id\":\"v\",\"ts\":\"2026-11-21T08:00:06Z\",\"lat\":95,\"lon\":13.4}",
                "{\"vehicle_id\":\"v\",\"ts\":\"2026-11-21T08:00:07Z\",\"lat\":52.5007,\"lon\":13.4,\"speed\":1e400}",
                "\u0001{}", "{\"\u00e9\":1}", "{\"vehicle_id\":\"v\",\"ts\":\"2026-11-21T08:00:08Z\",\"lat\":52.5008,\"lon\":13.4}");
        List<String> decoded = readAll(text, false);
        assertEquals(decoded, readAll(text, true));
        assertTrue(decoded.size() > 20 && decoded.stream().anyMatch(line -> line.contains("Unrecognized token")), decoded.toString());
    }

    /** Keys are remembered up to a bound; a log of ever new keys is still read field by field. */
    @Test
    void read_moreDistinctKeysThanRemembered_stillReadsEveryRecord() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            String timeKey = i % 2 == 0 ? "fixTime" : "ts";
            text.append("{\"junk").append(i).append("\":1,\"vehicle_id\":\"v\",\"").append(timeKey).append("\":")
                    .append(1795161600 + i).append(",\"lat\":52.5,\"lon\":").append(13.4 + i * 1e-5).append(",\"speed\":10}\n");
        }
        List<String> points = readAll(text.toString(), true);
        assertEquals(3001, points.size(), "3000 points and the counts");
        // A Traccar time field makes the plain speed knots, record by record, remembered key or not.
        assertTrue(points.get(0).contains(" " + (float) (10 * 1852.0 / 3600) + " "), points.get(0));
        assertTrue(points.get(2999).contains(" " + (float) (10 / 3.6) + " "), points.get(2999));
        assertEquals(points, readAll(text.toString(), false));
    }
}
