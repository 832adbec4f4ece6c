package dev.drivelog.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code score:} section: how findings become a 0-100 safety score (docs/CONFIGURATION.md,
 * "Scores"). A finding costs {@code weight(type) x severity_factor(severity)} penalty points; points
 * per 100 km, with a distance prior so that short trips do not score 0 or 100 by chance, give
 * {@code score = 100 x 0.5^(rate / half_score_points_per_100km)}; below {@code min_distance_km} no
 * score is shown at all (the counts and rates are).
 *
 * @param weights                 penalty points of one finding, by type (types not named cost {@code defaultWeight})
 * @param severityFactors         multiplier by severity: light, moderate, heavy, severe, and unrated (no severity)
 * @param halfScorePointsPer100km the rate of penalty points that scores 50
 * @param priorDistanceKm         the rate counts as if this much more had been driven ...
 * @param priorPointsPer100km     ... at this rate (a typical driver's)
 * @param minDistanceKm           less distance than this gets no score
 */
public record ScoreConfig(Map<String, Double> weights, double defaultWeight, Map<String, Double> severityFactors,
                          double halfScorePointsPer100km, double priorDistanceKm, double priorPointsPer100km,
                          double minDistanceKm) {

    /** Severity grades in increasing order, then the grade of a finding without one. */
    public static final List<String> SEVERITIES = List.of("light", "moderate", "heavy", "severe", "unrated");

    public static final ScoreConfig DEFAULTS = new ScoreConfig(
            orderedMap("speeding", 1.0, "stop_sign", 2.0, "wrong_way", 2.0, "no_entry", 2.0, "turn_restriction", 1.0,
                    "harsh_braking", 1.0, "harsh_acceleration", 1.0, "harsh_cornering", 1.0, "curve_overspeed", 1.0),
            1.0,
            orderedMap("light", 1.0, "moderate", 2.0, "heavy", 3.0, "severe", 6.0, "unrated", 1.0),
            4.0, 20.0, 1.0, 5.0);

    public ScoreConfig {
        weights = Map.copyOf(weights);
        severityFactors = Map.copyOf(severityFactors);
        if (!severityFactors.keySet().equals(java.util.Set.copyOf(SEVERITIES))) {
            throw new IllegalArgumentException("score.severity_factors must give " + SEVERITIES + ", got " + severityFactors.keySet());
        }
    }

    /** Penalty points of one finding of this type and severity (null or unknown severity: unrated). */
    public double points(String type, String severity) {
        Double factor = severity == null ? null : severityFactors.get(severity);
        return weights.getOrDefault(type, defaultWeight) * (factor == null ? severityFactors.get("unrated") : factor);
    }

    public static ScoreConfig from(ConfigSection section) {
        Map<String, Double> weights = new LinkedHashMap<>(DEFAULTS.weights);
        weights.putAll(numbers(section, "weights", null));
        Map<String, Double> factors = new LinkedHashMap<>(DEFAULTS.severityFactors);
        factors.putAll(numbers(section, "severity_factors", SEVERITIES));
        ScoreConfig config = new ScoreConfig(weights,
                atLeastZero(section, "default_weight", DEFAULTS.defaultWeight),
                factors,
                positive(section, "half_score_points_per_100km", DEFAULTS.halfScorePointsPer100km),
                atLeastZero(section, "prior_distance_km", DEFAULTS.priorDistanceKm),
                atLeastZero(section, "prior_points_per_100km", DEFAULTS.priorPointsPer100km),
                atLeastZero(section, "min_distance_km", DEFAULTS.minDistanceKm));
        section.refuseUnknownKeys();
        return config;
    }

    /** A mapping of names to numbers >= 0; {@code allowed} null means any name. */
    private static Map<String, Double> numbers(ConfigSection section, String key, List<String> allowed) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : section.mapping(key).entrySet()) {
            String path = section.keyPath(key) + "." + entry.getKey();
            if (allowed != null && !allowed.contains(entry.getKey())) {
                throw new ConfigException(path, "unknown key (known keys here: " + String.join(", ", allowed) + ")");
            }
            if (!(entry.getValue() instanceof Number number) || entry.getValue() instanceof java.math.BigInteger
                    || !(number.doubleValue() >= 0) || Double.isInfinite(number.doubleValue())) {
                throw new ConfigException(path, "must be a number >= 0, got " + entry.getValue());
            }
            numbers.put(entry.getKey(), number.doubleValue());
        }
        return numbers;
    }

    private static double atLeastZero(ConfigSection section, String key, double defaultValue) {
        double value = section.doubleValue(key, defaultValue);
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new ConfigException(section.keyPath(key), "must be a number >= 0, got " + value);
        }
        return value;
    }

    private static double positive(ConfigSection section, String key, double defaultValue) {
        double value = section.doubleValue(key, defaultValue);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ConfigException(section.keyPath(key), "must be a number > 0, got " + value);
        }
        return value;
    }

    private static Map<String, Double> orderedMap(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return map;
    }
}
