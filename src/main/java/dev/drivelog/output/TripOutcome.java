package dev.drivelog.output;

import dev.drivelog.analysis.result.TripResult;
import java.util.Objects;

/**
 * What became of one trip of an input: its result, or why it could not be analysed.
 *
 * @param points the trip's points as read (before the engine's cleaning)
 * @param result     the engine's result; null when the trip failed
 * @param resultJson the engine's result as it returned it, its UTF-8 bytes (written to {@code trips/*.json}
 *                   as they are; not copied, so nobody may change them); null when the trip failed
 * @param error      why the trip failed; null when it was analysed
 */
public record TripOutcome(String vehicleId, String tripId, int points, TripResult result, byte[] resultJson, String error) {
    public TripOutcome {
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(tripId, "tripId");
        if ((result == null) == (error == null) || (result == null) != (resultJson == null)) {
            throw new IllegalArgumentException("trip " + tripId + ": give either a result and its JSON, or an error");
        }
    }

    public static TripOutcome analysed(String vehicleId, String tripId, int points, TripResult result, byte[] resultJson) {
        return new TripOutcome(vehicleId, tripId, points, Objects.requireNonNull(result, "result"),
                Objects.requireNonNull(resultJson, "resultJson"), null);
    }

    public static TripOutcome failed(String vehicleId, String tripId, int points, String error) {
        return new TripOutcome(vehicleId, tripId, points, null, null, Objects.requireNonNull(error, "error"));
    }

    public boolean failed() {
        return result == null;
    }
}
