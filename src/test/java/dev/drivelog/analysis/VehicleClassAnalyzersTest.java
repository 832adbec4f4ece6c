package dev.drivelog.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.config.BindingConfig;
import dev.drivelog.config.BindingMode;
import dev.drivelog.config.VehicleClasses;
import dev.drivelog.logs.Trip;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A fleet of a car and a truck on {@code osm/vehicle_conditional.osm} (a Tokyo street closed to motor
 * vehicles over 7.5 t by {@code motor_vehicle:conditional=no @ (weight>7.5)}), through the real
 * native library: the truck's trip is a no_entry, the car's is not, each result names the class it was
 * analysed for, and both bindings give the same text.
 */
class VehicleClassAnalyzersTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MONDAY_10_TOKYO = 1795395600.0; // 2026-11-23T01:00:00Z
    private static Path map;

    @BeforeAll
    static void buildMap() throws Exception {
        map = GridDrives.buildOsmResource("vehicle_conditional");
    }

    /** The street from its open west end through the weight-limited east half, by {@code vehicleId}. */
    private static Trip through(String vehicleId) {
        Trip t = GridDrives.drive("through-" + vehicleId, MONDAY_10_TOKYO, 8.0, new double[][] {{35.66, 139.7000}, {35.66, 139.7030}});
        return new Trip(vehicleId, t.tripId(), t.count(), t.timeSeconds(), t.lat(), t.lon(), t.speedMps(), t.headingDeg(),
                t.accuracyMeters());
    }

    private static VehicleClassAnalyzers open(BindingMode mode, VehicleClasses vehicles) throws AnalysisException {
        return AnalyzerPools.openPerVehicleClass(new BindingConfig(mode, 2, 60), map, List.of(), false, vehicles);
    }

    private static List<String> conditionalNoEntries(String result) throws Exception {
        List<String> tags = new ArrayList<>();
        for (JsonNode v : JSON.readTree(result).get("violations")) {
            if (v.get("type").asText().equals("no_entry")) {
                tags.add(v.path("evidence").path("conditional_tag").asText());
            }
        }
        return tags;
    }

    @ParameterizedTest
    @EnumSource(BindingMode.class)
    void analyze_byVehicleId_theTruckEntersAStreetClosedOver7_5tAndTheCarDoesNot(BindingMode mode) throws Exception {
        try (VehicleClassAnalyzers analyzers = open(mode, new VehicleClasses(Map.of("TRUCK-01", "hgv"), Map.of()))) {
            String truck = analyzers.analyze(through("TRUCK-01"));
            String car = analyzers.analyze(through("CAR-7"));

            assertEquals(List.of("motor_vehicle:conditional=no @ (weight>7.5)"), conditionalNoEntries(truck));
            assertEquals(List.of(), conditionalNoEntries(car));
            assertEquals("hgv", JSON.readTree(truck).path("analysis").path("vehicle_class").asText());
            assertEquals("car", JSON.readTree(car).path("analysis").path("vehicle_class").asText());
        }
    }

    @Test
    void analyze_everyClassJavaAccepts_isOneTheEngineTakesAndNamesInItsResult() throws Exception {
        Map<String, String> byId = new LinkedHashMap<>();
        VehicleClasses.CLASSES.forEach(c -> byId.put("V-" + c, c));
        try (VehicleClassAnalyzers analyzers = open(BindingMode.FFM, new VehicleClasses(byId, Map.of()))) {
            for (String vehicleClass : VehicleClasses.CLASSES) {
                String result = analyzers.analyze(through("V-" + vehicleClass));
                assertEquals(vehicleClass, JSON.readTree(result).path("analysis").path("vehicle_class").asText());
            }
        }
    }

    @Test
    void analyze_japansTypes_aMediumTruckIsBoundByTheWeightLimitAndASemiMediumOneIsNot() throws Exception {
        VehicleClasses fleet = new VehicleClasses(Map.of("中型-1", "jp_medium_goods", "準中型-2", "jp_semi_medium_goods"), Map.of());
        try (VehicleClassAnalyzers analyzers = open(BindingMode.FFM, fleet)) {
            assertEquals(List.of("motor_vehicle:conditional=no @ (weight>7.5)"), conditionalNoEntries(analyzers.analyze(through("中型-1"))));
            assertEquals(List.of(), conditionalNoEntries(analyzers.analyze(through("準中型-2"))));
        }
    }

    @Test
    void analyze_bothBindings_giveIdenticalTextForEveryClass() throws Exception {
        VehicleClasses fleet = new VehicleClasses(Map.of("TRUCK-01", "hgv", "BUS-2", "bus"), Map.of());
        try (VehicleClassAnalyzers ffm = open(BindingMode.FFM, fleet); VehicleClassAnalyzers process = open(BindingMode.PROCESS, fleet)) {
            for (String vehicle : List.of("TRUCK-01", "BUS-2", "CAR-7")) {
                assertEquals(ffm.analyze(through(vehicle)), process.analyze(through(vehicle)), vehicle);
            }
        }
    }

    @Test
    void forInput_aGlobOverTheInputsName_givesItsTripsTheClassUnlessTheVehicleHasOne() throws Exception {
        VehicleClasses fleet = new VehicleClasses(Map.of("CAR-7", "car"), Map.of("fleet/trucks/*", "hgv"));
        try (VehicleClassAnalyzers analyzers = open(BindingMode.FFM, fleet)) {
            Analyzer trucksInput = analyzers.forInput("fleet/trucks/2026-11-23.csv");

            assertEquals(1, conditionalNoEntries(trucksInput.analyze(through("TRUCK-09"))).size());
            assertEquals(0, conditionalNoEntries(trucksInput.analyze(through("CAR-7"))).size(), "by_id wins over by_input");
            assertEquals(0, conditionalNoEntries(analyzers.forInput("fleet/cars/x.csv").analyze(through("TRUCK-09"))).size());
            assertEquals("hgv", analyzers.classOf("fleet/trucks/a.csv", "TRUCK-09"));
            assertEquals("car", analyzers.classOf("fleet/trucks/deeper/a.csv", "TRUCK-09"), "* stays within one folder");
        }
    }

    @Test
    void analyze_configuredDefaultClass_isKeptForVehiclesNotNamed() throws Exception {
        VehicleClasses fleet = new VehicleClasses(Map.of("CAR-7", "car"), Map.of());
        try (VehicleClassAnalyzers analyzers = AnalyzerPools.openPerVehicleClass(new BindingConfig(BindingMode.FFM, 1, 60), map,
                List.of("vehicle_class=hgv"), false, fleet)) {
            assertEquals(1, conditionalNoEntries(analyzers.analyze(through("TRUCK-09"))).size());
            assertTrue(conditionalNoEntries(analyzers.analyze(through("CAR-7"))).isEmpty());
        }
    }
}
