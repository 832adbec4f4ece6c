package dev.drivelog.score;

/**
 * One row of the trips dataset ({@code trip_summaries}, docs/OUTPUTS.md): what a score divides by.
 *
 * @param startTime seconds since the Unix epoch (UTC)
 * @param distanceM metres driven (matched)
 * @param durationS seconds from the first to the last point
 */
public record TripRecord(String input, String vehicleId, String tripId, double startTime, double distanceM, double durationS) {
    public TripRecord {
        vehicleId = vehicleId == null ? "" : vehicleId;
    }
}
