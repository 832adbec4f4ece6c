package dev.drivelog.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.drivelog.analysis.GridDrives;
import dev.drivelog.config.ConfigLoader;
import dev.drivelog.config.DrivelogConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultIdentityTest {
    private static String version(String yaml) throws Exception {
        DrivelogConfig config = ConfigLoader.fromYaml(yaml, "test.yaml", Map.of());
        Path map = GridDrives.map();
        return ResultIdentity.of(config, map, null, false, false).version();
    }

    @Test
    void version_vehicleClassesPerVehicle_changeItAsTheyChangeResults() throws Exception {
        String plain = version("");
        String trucks = version("analysis: {vehicles: {by_id: {TRUCK-01: hgv}}}");

        assertNotEquals(plain, trucks);
        assertNotEquals(trucks, version("analysis: {vehicles: {by_id: {TRUCK-01: bus}}}"));
        assertEquals(plain, version("analysis: {vehicles: {by_id: {}, by_input: {}}}"), "an empty mapping changes nothing");
    }
}
