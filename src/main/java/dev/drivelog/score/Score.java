package dev.drivelog.score;

import java.util.Map;

/**
 * A safety score and what it rests on (docs/CONFIGURATION.md, "Scores").
 *
 * @param trips                    trips counted
 * @param distanceKm               distance the rates divide by
 * @param durationH                driving time, hours
 * @param penaltyPoints            sum of weight x severity factor over the findings
 * @param pointsPer100km           penalty points per 100 km after the distance prior; null below the minimum distance
 * @param score                    0-100, 100 is no findings at all; null below the minimum distance
 * @param countsByTypeAndSeverity  findings by type, then by severity
 */
public record Score(int trips, double distanceKm, double durationH, double penaltyPoints, Double pointsPer100km,
                    Double score, Map<String, Map<String, Integer>> countsByTypeAndSeverity) {
    public Score {
        countsByTypeAndSeverity = Map.copyOf(countsByTypeAndSeverity);
    }

    public int findings() {
        return countsByTypeAndSeverity.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    }

    public int findings(String type) {
        return countsByTypeAndSeverity.getOrDefault(type, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Findings of a type per 100 km as counted (no prior); null when no distance was driven. */
    public Double per100km(String type) {
        return distanceKm > 0 ? findings(type) * 100 / distanceKm : null;
    }

    public boolean scored() {
        return score != null;
    }
}
