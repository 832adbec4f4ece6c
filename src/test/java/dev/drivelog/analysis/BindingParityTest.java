package dev.drivelog.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.config.BindingConfig;
import dev.drivelog.config.BindingMode;
import dev.drivelog.logs.Trip;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both bindings, opened as the application opens them, give byte-identical results. */
class BindingParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "matched={0}")
    @ValueSource(booleans = {false, true})
    void analyze_gridTrips_ffmAndProcessGiveIdenticalText(boolean matched) throws Exception {
        List<String> engineLines = List.of();
        int violations = 0;
        try (AnalyzerPool ffm = AnalyzerPools.open(new BindingConfig(BindingMode.FFM, 2, 60), GridDrives.map(), engineLines, matched);
             AnalyzerPool process = AnalyzerPools.open(new BindingConfig(BindingMode.PROCESS, 2, 60), GridDrives.map(), engineLines, matched)) {
            for (Trip trip : GridDrives.trips()) {
                String viaFfm = ffm.analyze(trip);
                String viaProcess = process.analyze(trip);

                assertEquals(viaFfm, viaProcess, "trip " + trip.tripId());
                // The bytes the analysis reads and writes to trips/*.json: the same text, from both.
                byte[] bytesViaFfm = ffm.analyzeUtf8(trip);
                assertArrayEquals(viaFfm.getBytes(StandardCharsets.UTF_8), bytesViaFfm, "trip " + trip.tripId());
                assertArrayEquals(bytesViaFfm, process.analyzeUtf8(trip), "trip " + trip.tripId());
                violations += JSON.readTree(viaFfm).get("violations").size();
                assertEquals(matched, JSON.readTree(viaFfm).path("matched").size() > 0, "matched path only when asked for");
            }
        }
        assertTrue(violations > 0, "the compared trips include violations");
    }
}
