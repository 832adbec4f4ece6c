package dev.drivelog.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code reconcile:} section: defaults as shipped, overrides, and refusals naming the key. */
class ReconcileConfigTest {
    private static String refusal(String yaml, Map<String, String> environment) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.fromYaml(yaml, "test.yaml", environment)).getMessage();
    }

    @Test
    void load_shippedConfigFile_equalsTheDefaults() {
        Path shipped = Path.of(System.getProperty("drivelog.repo.dir", "."), "config", "drivelog.yaml");
        assertEquals(ReconcileConfig.DEFAULTS, ConfigLoader.load(shipped, Map.of()).reconcile());
    }

    @Test
    void fromYaml_environmentOverrides_setEveryKey() {
        ReconcileConfig config = ConfigLoader.fromYaml("", "test.yaml", Map.of(
                "DRIVELOG_RECONCILE__INPUT", "s3://logs/incoming/",
                "DRIVELOG_RECONCILE__INPUT_SUFFIX", ".csv.gz",
                "DRIVELOG_RECONCILE__QUEUE_URL", "https://sqs.eu-central-1.amazonaws.com/111122223333/jobs",
                "DRIVELOG_RECONCILE__SINCE_HOURS", "26",
                "DRIVELOG_RECONCILE__MIN_AGE_MINUTES", "30",
                "DRIVELOG_RECONCILE__CONCURRENT_CHECKS", "8",
                "DRIVELOG_RECONCILE__TIME_RESERVE_SECONDS", "20")).reconcile();

        assertEquals(new ReconcileConfig("s3://logs/incoming/", ".csv.gz", "https://sqs.eu-central-1.amazonaws.com/111122223333/jobs",
                26, 30, 8, 20), config);
    }

    @Test
    void fromYaml_inputNotAnS3Location_refusedNamingKeyAndLine() {
        String message = refusal("reconcile:\n  input: /data/incoming\n", Map.of());
        assertTrue(message.contains("test.yaml line 2") && message.contains("reconcile.input: must be s3://bucket"), message);
    }

    @Test
    void fromYaml_lookBackWithinTheMinimumAge_refusedAsNothingWouldBeChecked() {
        String message = refusal("", Map.of("DRIVELOG_RECONCILE__SINCE_HOURS", "1"));
        assertTrue(message.contains("reconcile.since_hours: must reach further back than reconcile.min_age_minutes (60 min)"), message);
    }

    @Test
    void fromYaml_tooManyChecksInFlightOrUnknownKey_refused() {
        assertTrue(refusal("reconcile:\n  concurrent_checks: 1000\n", Map.of()).contains("reconcile.concurrent_checks: must be 1..256"));
        assertTrue(refusal("", Map.of("DRIVELOG_RECONCILE__SINCE", "3")).contains("reconcile.since: unknown key"));
    }
}
