package dev.drivelog.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BindingConfigTest {
    @Test
    void load_shippedConfigFile_givesTheDocumentedDefaults() {
        DrivelogConfig config = ConfigLoader.load(Path.of(System.getProperty("drivelog.repo.dir", "."), "config", "drivelog.yaml"), Map.of());

        assertEquals(BindingConfig.DEFAULTS, config.analysis().binding());
        assertEquals(OutputConfig.DEFAULTS, config.output());
        assertTrue(config.analysis().engineLines().stream().noneMatch(line -> line.startsWith("binding")),
                "binding: is not passed to the engine: " + config.analysis().engineLines());
        assertTrue(config.analysis().engineLines().contains("speeding.tolerance_kmh=5"), "the engine's keys are");
    }

    @Test
    void binding_setInFile_isReadAndKeptFromTheEngine() {
        DrivelogConfig config = ConfigLoader.fromYaml("""
                analysis:
                  binding: {mode: process, threads: 3, process_timeout_seconds: 2.5}
                  speeding: {tolerance_kmh: 5}
                output: {matched: true}
                """, "test.yaml", Map.of());

        assertEquals(new BindingConfig(BindingMode.PROCESS, 3, 2.5), config.analysis().binding());
        assertEquals(List.of("speeding.tolerance_kmh=5"), config.analysis().engineLines());
        assertTrue(config.output().matched());
    }

    @Test
    void binding_environmentOverride_winsOverFile() {
        DrivelogConfig config = ConfigLoader.fromYaml("analysis:\n  binding: {mode: ffm}\n", "test.yaml",
                Map.of("DRIVELOG_ANALYSIS__BINDING__MODE", "process"));

        assertEquals(BindingMode.PROCESS, config.analysis().binding().mode());
    }

    @Test
    void binding_unknownMode_isRefusedNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.fromYaml("analysis:\n  binding: {mode: jni}\n", "test.yaml", Map.of()));

        assertTrue(e.getMessage().contains("analysis.binding.mode") && e.getMessage().contains("ffm, process"), e.getMessage());
    }

    @Test
    void binding_unknownKey_isRefusedNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.fromYaml("analysis:\n  binding: {timeout: 3}\n", "test.yaml", Map.of()));

        assertTrue(e.getMessage().contains("analysis.binding.timeout"), e.getMessage());
    }

    @Test
    void binding_zeroTimeout_isRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromYaml(
                "analysis:\n  binding: {process_timeout_seconds: 0}\n", "test.yaml", Map.of()));

        assertTrue(e.getMessage().contains("analysis.binding.process_timeout_seconds"), e.getMessage());
    }

    @Test
    void output_unknownKey_isRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.fromYaml("output:\n  geojson: false\n", "test.yaml", Map.of()));

        assertTrue(e.getMessage().contains("output.geojson"), e.getMessage());
    }

    @Test
    void effectiveThreads_zero_isTheVcpuCount() {
        assertEquals(Runtime.getRuntime().availableProcessors(), BindingConfig.DEFAULTS.effectiveThreads());
        assertEquals(3, new BindingConfig(BindingMode.FFM, 3, 1).effectiveThreads());
    }
}
