package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.config.LogsConfig;
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
}
