package dev.drivelog.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drivelog.analysis.GridDrives;
import dev.drivelog.job.DrivelogAnalysisProvider;
import dev.drivelog.job.InputAnalysis;
import java.util.List;
import java.util.Map;

/**
 * The hostile-input corpus ({@link HostileInputChecks}) through the real native engine in-process
 * (FFM, the default binding) with the small grid map of {@link GridDrives}: the corpus's points lie
 * at 52.5 N 13.4 E, on that grid, so the trips the reader lets through (extreme but finite values,
 * time disorder, 85 000 two-point trips of the huge vehicle counts) are really matched and
 * checked by the engine. A crash in native code would take the test JVM down with it.
 */
class HostileInputNativeTest extends HostileInputChecks {
    private Map<String, String> environment;

    private Map<String, String> environment() throws Exception {
        if (environment == null) {
            environment = Map.of("DRIVELOG_MAP", GridDrives.map().toString());
        }
        return environment;
    }

    @Override
    InputAnalysis openAnalysis() throws Exception {
        return new DrivelogAnalysisProvider().open(environment());
    }

    @Override
    String engineVersion() {
        try {
            return new DrivelogAnalysisProvider().version(environment());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    void checkEngineTotals(long trips, long failedTrips, List<JsonNode> failedTripEntries, String report) {
        System.out.println("hostile corpus through the native engine: " + report);
        assertTrue(trips > 0, "no trip reached the engine: " + report);
        for (JsonNode trip : failedTripEntries) {
            assertFalse(trip.path("error").asText().isBlank(), "a failed trip must say why: " + trip);
        }
    }
}
