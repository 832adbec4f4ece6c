package dev.drivelog.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static DrivelogConfig load(String yaml) {
        return ConfigLoader.fromYaml(yaml, "test.yaml", Map.of());
    }

    private static String refusal(String yaml, Map<String, String> env) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.fromYaml(yaml, "test.yaml", env)).getMessage();
    }

    @Test
    void fromYaml_emptyText_givesDefaults() {
        assertEquals(DrivelogConfig.DEFAULTS, load(""));
    }

    @Test
    void load_shippedConfigFile_equalsTheRecordDefaults() {
        Path shipped = Path.of(System.getProperty("drivelog.repo.dir", "."), "config", "drivelog.yaml");
        assertEquals(DrivelogConfig.DEFAULTS.logs(), ConfigLoader.load(shipped, Map.of()).logs());
    }

    @Test
    void shippedConfigFile_showsEveryLogsKey() throws Exception {
        Path shipped = Path.of(System.getProperty("drivelog.repo.dir", "."), "config", "drivelog.yaml");
        Map<?, ?> root = new org.yaml.snakeyaml.Yaml().load(Files.readString(shipped));
        java.util.Set<String> documented = new java.util.TreeSet<>();
        ((Map<?, ?>) root.get("logs")).keySet().forEach(key -> documented.add(key.toString()));
        java.util.Set<String> fields = new java.util.TreeSet<>();
        for (var component : LogsConfig.class.getRecordComponents()) {
            fields.add(component.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT));
        }
        assertEquals(fields, documented);
    }

    @Test
    void fromYaml_validValues_areRead() {
        DrivelogConfig config = load("""
                logs:
                  trip_gap_seconds: 600
                  speed_unit: kmh
                  time_zone: Europe/Berlin
                  max_line_bytes: 4096
                  drop_null_island: false
                """);
        assertEquals(600.0, config.logs().tripGapSeconds());
        assertEquals(SpeedUnit.KMH, config.logs().speedUnit());
        assertEquals(ZoneId.of("Europe/Berlin"), config.logs().timeZone());
        assertEquals(4096, config.logs().maxLineBytes());
        assertEquals(false, config.logs().dropNullIsland());
    }

    @Test
    void fromYaml_unknownKey_namesKeyPathAndLine() {
        String message = refusal("logs:\n  trip_gap_secnds: 5\n", Map.of());
        assertTrue(message.contains("logs.trip_gap_secnds: unknown key"), message);
        assertTrue(message.contains("test.yaml line 2"), message);
        assertTrue(message.contains("trip_gap_seconds"), message);
    }

    @Test
    void fromYaml_unknownSection_isRefused() {
        assertTrue(refusal("loggs: {}\n", Map.of()).contains("loggs: unknown key"));
    }

    @Test
    void fromYaml_wrongType_namesKeyAndValue() {
        String message = refusal("logs:\n  trip_gap_seconds: soon\n", Map.of());
        assertTrue(message.contains("logs.trip_gap_seconds: must be a number, got 'soon'"), message);
    }

    @Test
    void fromYaml_fractionForIntegerKey_isRefused() {
        String message = refusal("logs:\n  max_points_per_trip: 2.5\n", Map.of());
        assertTrue(message.contains("logs.max_points_per_trip: must be an integer, got 2.5"), message);
    }

    @Test
    void fromYaml_outOfRange_namesKeyLineAndValue() {
        String message = refusal("# comment\nlogs:\n  trip_gap_seconds: -5\n", Map.of());
        assertEquals("test.yaml line 3: logs.trip_gap_seconds: must be > 0, got -5", message);
    }

    @Test
    void fromYaml_badEnum_listsAllowedValues() {
        String message = refusal("logs:\n  speed_unit: furlongs\n", Map.of());
        assertTrue(message.contains("logs.speed_unit: must be one of kmh, knots, mph, mps, got 'furlongs'"), message);
    }

    @Test
    void fromYaml_syntaxError_namesFileAndLine() {
        String message = refusal("logs:\n  trip_gap_seconds: 5\n   bad: [\n", Map.of());
        assertTrue(message.startsWith("test.yaml line "), message);
    }

    @Test
    void fromYaml_duplicateKey_isRefused() {
        String message = refusal("logs:\n  max_line_bytes: 1000\n  max_line_bytes: 2000\n", Map.of());
        assertTrue(message.contains("max_line_bytes") && message.contains("test.yaml line"), message);
    }

    @Test
    void fromYaml_sectionNotAMapping_isRefused() {
        assertTrue(refusal("logs: 5\n", Map.of()).contains("logs: must be a mapping of keys, got 5"));
    }

    @Test
    void fromYaml_environmentOverride_winsOverFile() {
        DrivelogConfig config = ConfigLoader.fromYaml("logs:\n  trip_gap_seconds: 120\n", "test.yaml",
                Map.of("DRIVELOG_LOGS__TRIP_GAP_SECONDS", "600", "DRIVELOG_LOGS__SPLIT_GPX_SEGMENTS", "false",
                        "DRIVELOG_HOME", "/opt/drivelog", "PATH", "/usr/bin"));
        assertEquals(600.0, config.logs().tripGapSeconds());
        assertEquals(false, config.logs().splitGpxSegments());
    }

    @Test
    void fromYaml_badEnvironmentValue_namesTheVariable() {
        String message = refusal("", Map.of("DRIVELOG_LOGS__TRIP_GAP_SECONDS", "-5"));
        assertEquals("environment variable DRIVELOG_LOGS__TRIP_GAP_SECONDS: logs.trip_gap_seconds: must be > 0, got -5",
                message);
    }

    @Test
    void fromYaml_unknownEnvironmentKey_namesTheVariable() {
        String message = refusal("", Map.of("DRIVELOG_LOGS__NO_SUCH_KEY", "1"));
        assertTrue(message.contains("DRIVELOG_LOGS__NO_SUCH_KEY") && message.contains("logs.no_such_key: unknown key"),
                message);
    }

    @Test
    void fromYaml_malformedEnvironmentName_isRefused() {
        String message = refusal("", Map.of("DRIVELOG_LOGS___TRIP", "1"));
        assertTrue(message.contains("DRIVELOG_LOGS___TRIP: malformed name"), message);
    }

    @Test
    void analysis_nestedKeys_flattenToEngineLinesSorted() {
        DrivelogConfig config = ConfigLoader.fromYaml("""
                analysis:
                  speeding:
                    tolerance_kmh: 5
                    min_duration_s: 3.5
                  matching: {search_radius_m: 50, types: [primary, secondary]}
                """, "test.yaml", Map.of("DRIVELOG_ANALYSIS__STOP_SIGN__MAX_SPEED_KMH", "7"));
        assertEquals(List.of(
                "matching.search_radius_m=50",
                "matching.types=primary,secondary",
                "speeding.min_duration_s=3.5",
                "speeding.tolerance_kmh=5",
                "stop_sign.max_speed_kmh=7"), config.analysis().engineLines());
    }

    @Test
    void analysis_upperCaseKey_isRefused() {
        String message = refusal("analysis:\n  Speeding: {x: 1}\n", Map.of());
        assertTrue(message.contains("analysis.Speeding: engine keys are lower-case"), message);
    }

    @Test
    void analysis_keyWithoutValue_isRefused() {
        assertTrue(refusal("analysis:\n  speeding:\n    tolerance_kmh:\n", Map.of())
                .contains("analysis.speeding.tolerance_kmh: has no value"));
    }

    @Test
    void output_unknownKeyBeforeItsOwnerAddsFields_isRefused() {
        assertTrue(refusal("output:\n  anything: 1\n", Map.of()).contains("output.anything: unknown key"));
    }

    @Test
    void load_missingFile_saysNotFound(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        String message = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing, Map.of())).getMessage();
        assertTrue(message.contains("nope.yaml: config file not found"), message);
    }

    @Test
    void load_file_readsIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "logs:\n  max_open_trips: 7\n");
        assertEquals(7, ConfigLoader.load(file, Map.of()).logs().maxOpenTrips());
    }

    @Test
    void logsConfig_minAboveMaxPoints_isRefused() {
        String message = refusal("logs:\n  min_points_per_trip: 50\n  max_points_per_trip: 10\n", Map.of());
        assertTrue(message.contains("logs.min_points_per_trip: must be <= logs.max_points_per_trip (10), got 50"), message);
    }

    @Test
    void logsConfig_badTimeZone_isRefused() {
        assertTrue(refusal("logs:\n  time_zone: Mars/Olympus\n", Map.of()).contains("logs.time_zone: not a time zone"));
    }
}
