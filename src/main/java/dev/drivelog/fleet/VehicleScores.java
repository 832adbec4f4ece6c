package dev.drivelog.fleet;

import dev.drivelog.score.Score;
import java.util.Map;

/**
 * One vehicle's score over everything read and per period (day or week, {@link FleetSummary#periods}).
 *
 * @param byPeriod the score of each period the vehicle drove in, by period key
 */
public record VehicleScores(String vehicleId, Score overall, Map<String, Score> byPeriod) {
    public VehicleScores {
        byPeriod = Map.copyOf(byPeriod);
    }
}
