package dev.drivelog.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreConfigTest {
    private static DrivelogConfig load(String yaml) {
        return ConfigLoader.fromYaml(yaml, "test.yaml", Map.of());
    }

    @Test
    void from_oneWeightGiven_keepsTheOtherDefaults() {
        ScoreConfig score = load("score:\n  weights:\n    speeding: 3\n").score();

        assertEquals(3.0, score.weights().get("speeding"));
        assertEquals(2.0, score.weights().get("stop_sign"));
        assertEquals(6.0, score.severityFactors().get("severe"));
    }

    @Test
    void points_unknownTypeAndSeverity_useDefaultWeightAndUnrated() {
        ScoreConfig score = load("score:\n  default_weight: 0.5\n  severity_factors:\n    unrated: 4\n").score();

        assertEquals(2.0, score.points("new_kind", null));
        assertEquals(2.0, score.points("new_kind", "catastrophic"));
        assertEquals(3.0, score.points("speeding", "heavy"));
    }

    @Test
    void from_unknownSeverity_isRefusedWithItsKeyPath() {
        String message = assertThrows(ConfigException.class, () -> load("score:\n  severity_factors:\n    extreme: 9\n")).getMessage();

        assertTrue(message.contains("score.severity_factors.extreme: unknown key"), message);
    }

    @Test
    void from_negativeWeight_isRefusedWithItsKeyPath() {
        String message = assertThrows(ConfigException.class, () -> load("score:\n  weights:\n    speeding: -1\n")).getMessage();

        assertTrue(message.contains("score.weights.speeding: must be a number >= 0, got -1"), message);
    }

    @Test
    void from_zeroHalfScore_isRefused() {
        String message = assertThrows(ConfigException.class, () -> load("score:\n  half_score_points_per_100km: 0\n")).getMessage();

        assertTrue(message.contains("score.half_score_points_per_100km: must be a number > 0"), message);
    }

    @Test
    void report_badLanguageOrZone_isRefusedWithItsKeyPath() {
        String language = assertThrows(ConfigException.class, () -> load("report:\n  language: fr\n")).getMessage();
        String zone = assertThrows(ConfigException.class, () -> load("report:\n  time_zone: Mars/Olympus\n")).getMessage();

        assertTrue(language.contains("report.language: must be one of auto, en, ja, got 'fr'"), language);
        assertTrue(zone.contains("report.time_zone: 'Mars/Olympus' is not a time zone"), zone);
    }

    @Test
    void report_tokyo_isReadAsItsZone() {
        ReportConfig report = load("report:\n  language: ja\n  time_zone: Asia/Tokyo\n").report();

        assertEquals("ja", report.language());
        assertEquals(java.time.ZoneId.of("Asia/Tokyo"), report.zoneOr(java.time.ZoneOffset.UTC));
    }
}
