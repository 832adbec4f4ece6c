package dev.drivelog.score;

import dev.drivelog.config.ScoreConfig;
import java.util.Map;
import java.util.TreeMap;

/**
 * Running totals over any set of trips and their findings (one trip, a vehicle, a day of a vehicle,
 * the fleet): distance, time, counts by type and severity, penalty points. Add every trip and every
 * finding once; {@link #score} turns them into a {@link Score}. Not thread safe.
 */
public final class ScoreTally {
    private final ScoreConfig config;
    private int trips;
    private double distanceM;
    private double durationS;
    private double penaltyPoints;
    private final Map<String, Map<String, Integer>> countsByTypeAndSeverity = new TreeMap<>();

    public ScoreTally(ScoreConfig config) {
        this.config = config;
    }

    public void addTrip(TripRecord trip) {
        trips++;
        distanceM += Math.max(0, trip.distanceM());
        durationS += Math.max(0, trip.durationS());
    }

    public void addFinding(Finding finding) {
        penaltyPoints += config.points(finding.type(), finding.severity());
        countsByTypeAndSeverity.computeIfAbsent(finding.type(), t -> new TreeMap<>()).merge(finding.severity(), 1, Integer::sum);
    }

    public Score score() {
        double distanceKm = distanceM / 1000;
        // The distance prior: as if prior_distance_km more had been driven at a typical rate, so that
        // one finding on a 2 km trip does not read as 50 per 100 km, nor a clean 2 km trip as perfect.
        double priorKm = config.priorDistanceKm();
        double rate = (penaltyPoints + config.priorPointsPer100km() * priorKm / 100) * 100 / (distanceKm + priorKm);
        boolean enough = distanceKm >= config.minDistanceKm() && distanceKm + priorKm > 0;
        Double score = enough ? 100 * Math.pow(0.5, rate / config.halfScorePointsPer100km()) : null;
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        countsByTypeAndSeverity.forEach((type, bySeverity) -> counts.put(type, Map.copyOf(bySeverity)));
        return new Score(trips, distanceKm, durationS / 3600, penaltyPoints, enough ? rate : null, score, counts);
    }
}
