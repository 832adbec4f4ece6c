package dev.drivelog.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VehicleClassesTest {
    private static DrivelogConfig load(String yaml) {
        return ConfigLoader.fromYaml(yaml, "fleet.yaml", Map.of());
    }

    private static String refusal(String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml)).getMessage();
    }

    @Test
    void fromYaml_vehicleIdsAndInputGlobs_areReadAndKeptFromTheEngine() {
        AnalysisConfig analysis = load("""
                analysis:
                  vehicle_class: car
                  vehicles:
                    by_id:
                      TRUCK-01: hgv
                      "Bus 7": bus
                    by_input:
                      "trucks/**": hgv
                """).analysis();

        VehicleClasses vehicles = analysis.vehicles();
        assertEquals("hgv", vehicles.classFor("cars/a.csv", "TRUCK-01"));
        assertEquals("bus", vehicles.classFor(null, "Bus 7"));
        assertEquals("hgv", vehicles.classFor("trucks/2026/11/a.csv.gz", "VAN-3"));
        assertNull(vehicles.classFor("cars/a.csv", "VAN-3"), "neither: the analysis's vehicle_class");
        assertEquals(List.of("vehicle_class=car"), analysis.engineLines(), "the engine never sees the fleet's names");
    }

    @Test
    void fromYaml_unknownClassName_namesTheVehicleAndTheLine() {
        String message = refusal("""
                analysis:
                  vehicles:
                    by_id:
                      TRUCK-01: hgv
                      TRUCK-02: lorry
                """);
        assertEquals("fleet.yaml line 5: analysis.vehicles.by_id.TRUCK-02: must be one of car, hgv, bus, motorcycle, jp_large_goods, "
                + "jp_specified_medium_goods, jp_medium_goods, jp_semi_medium_goods, jp_large_passenger, jp_medium_passenger, "
                + "jp_ordinary, jp_kei, jp_large_motorcycle, jp_ordinary_motorcycle, got 'lorry'",
                message);
    }

    @Test
    void fromYaml_unknownClassForAnInput_namesTheGlob() {
        assertTrue(refusal("""
                analysis:
                  vehicles:
                    by_input: {"trucks/*": truck}
                """).contains("analysis.vehicles.by_input.trucks/*: must be one of car, hgv, bus, motorcycle, jp_large_goods"));
    }

    @Test
    void fromYaml_unknownKeyOrShape_isRefusedByName() {
        assertTrue(refusal("analysis: {vehicles: {by_vehicle: {A: hgv}}}").contains("analysis.vehicles.by_vehicle: unknown key"));
        assertTrue(refusal("analysis: {vehicles: {by_id: [hgv]}}").contains("analysis.vehicles.by_id: must be a mapping"));
        assertTrue(refusal("analysis: {vehicles: {by_input: {\"trucks/[a\": hgv}}}").contains("analysis.vehicles.by_input.trucks/[a: not a glob"));
    }

    @Test
    void fromYaml_noVehicles_isEmpty() {
        assertTrue(load("").analysis().vehicles().isEmpty());
        assertEquals("", load("").analysis().vehicles().describe());
    }
}
