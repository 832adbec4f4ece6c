package dev.drivelog.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.config.LogsConfig;
import dev.drivelog.logs.LogFormat;
import dev.drivelog.logs.Trip;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogsTripSourceTest {
    private static final String TWO_VEHICLES = """
            vehicle_id,time,lat,lon,speed
            a,2026-11-20T08:00:00Z,52.5000,13.4000,10
            b,2026-11-20T08:00:00Z,52.6000,13.5000,10
            a,2026-11-20T08:00:01Z,52.5001,13.4000,10
            b,2026-11-20T08:00:01Z,52.6001,13.5000,10
            a,not a time,52.5002,13.4000,10
            a,2026-11-20T08:00:02Z,52.5002,13.4000,10
            """;

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void read_csvWithTwoVehicles_handsOnTheirTripsAndTheSkippedLine() throws Exception {
        List<Trip> trips = new ArrayList<>();
        TripSource.ReadResult result = new LogsTripSource(LogsConfig.DEFAULTS, null)
                .read("fleet.csv", bytes(TWO_VEHICLES), trips::add);

        assertEquals(List.of("a", "b"), trips.stream().map(Trip::vehicleId).sorted().toList());
        assertEquals(5, result.pointsRead());
        assertTrue(result.problems().size() >= 2, "an account line and the skipped line: " + result.problems());
        assertTrue(result.problems().stream().anyMatch(p -> p.contains("line 6")), result.problems().toString());
    }

    @Test
    void read_unreadableInput_isRejectedNamingIt() {
        InputRejectedException e = assertThrows(InputRejectedException.class, () -> new LogsTripSource(LogsConfig.DEFAULTS, null)
                .read("junk.bin", new ByteArrayInputStream(new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 7}), trip -> {}));

        assertTrue(e.getMessage().contains("junk.bin"), e.getMessage());
    }

    @Test
    void read_forcedFormat_overridesDetection() {
        assertThrows(InputRejectedException.class, () -> new LogsTripSource(LogsConfig.DEFAULTS, LogFormat.GPX)
                .read("fleet.csv", bytes(TWO_VEHICLES), trip -> {}));
    }
}
