package dev.drivelog.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.config.BindingConfig;
import dev.drivelog.config.BindingMode;
import dev.drivelog.config.VehicleClasses;
import dev.drivelog.logs.Trip;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A fleet's truck and car on the untagged expressway of {@code osm/class_limits.osm} (Tokyo: Japan's
 * legal defaults from the position, 100 km/h for a car and 80 for a lorry), through the real native
 * library: at 95 km/h the truck is speeding against its class's legal default, the car is not.
 */
class VehicleClassLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MONDAY_10_TOKYO = 1796605200.0; // 2026-12-07T01:00:00Z
    private static Path map;

    @BeforeAll
    static void buildMap() throws Exception {
        map = GridDrives.buildOsmResource("class_limits");
    }

    private static Trip alongTheExpressway(String vehicleId) {
        Trip t = GridDrives.drive("expressway-" + vehicleId, MONDAY_10_TOKYO, 95 / 3.6,
                new double[][] {{35.6600, 139.7000}, {35.6600, 139.7300}});
        return new Trip(vehicleId, t.tripId(), t.count(), t.timeSeconds(), t.lat(), t.lon(), t.speedMps(), t.headingDeg(),
                t.accuracyMeters());
    }

    /** limit_kmh, limit_source and class_tag of each speeding finding. */
    private static List<String> speeding(String result) throws Exception {
        List<String> found = new ArrayList<>();
        for (JsonNode v : JSON.readTree(result).get("violations")) {
            if (v.get("type").asText().equals("speeding")) {
                JsonNode e = v.path("evidence");
                found.add(e.path("limit_kmh").asDouble() + " " + e.path("limit_source").asText() + " " + e.path("class_tag").asText());
            }
        }
        return found;
    }

    @ParameterizedTest
    @EnumSource(BindingMode.class)
    void analyze_byVehicleId_theTruckIsJudgedByItsClasssLegalLimitAndTheCarByItsOwn(BindingMode mode) throws Exception {
        VehicleClasses fleet = new VehicleClasses(Map.of("TRUCK-01", "hgv"), Map.of());
        try (VehicleClassAnalyzers analyzers = AnalyzerPools.openPerVehicleClass(new BindingConfig(mode, 2, 60), map, List.of(),
                false, fleet)) {
            assertEquals(List.of("80.0 legal default maxspeed:hgv=80"), speeding(analyzers.analyze(alongTheExpressway("TRUCK-01"))));
            assertEquals(List.of(), speeding(analyzers.analyze(alongTheExpressway("CAR-7"))));
        }
    }
}
