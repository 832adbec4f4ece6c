package dev.drivelog.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code output.report}: the switch for report.html (docs/REPORT.md). */
class OutputConfigTest {

    @Test
    void report_notSet_isOff() throws Exception {
        assertFalse(ConfigLoader.fromYaml("output: {matched: true}\n", "test.yaml", Map.of()).output().report());
    }

    @Test
    void report_setInFile_isOn() throws Exception {
        OutputConfig output = ConfigLoader.fromYaml("output: {report: true}\n", "test.yaml", Map.of()).output();

        assertTrue(output.report());
        assertFalse(output.matched());
    }

    @Test
    void report_environmentOverride_turnsItOnForTheLambda() throws Exception {
        assertTrue(ConfigLoader.fromYaml("output: {report: false}\n", "test.yaml",
                Map.of("DRIVELOG_OUTPUT__REPORT", "true")).output().report());
    }

    @Test
    void report_notABoolean_isRefusedNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.fromYaml("output: {report: sometimes}\n", "test.yaml", Map.of()));
        assertTrue(e.getMessage().contains("output.report"), e.getMessage());
    }
}
