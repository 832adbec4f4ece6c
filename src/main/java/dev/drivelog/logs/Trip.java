package dev.drivelog.logs;

import java.util.Objects;

/**
 * One vehicle's trip as columns of points ordered by time, the shape the native engine takes.
 * Optional columns ({@code speedMps}, {@code headingDeg}, {@code accuracyMeters}) may be null or hold
 * NaN for points that did not report them. The arrays may be longer than {@code count}; only the
 * first {@code count} entries are points (readers reuse buffers).
 *
 * @param vehicleId      the vehicle or device id, or "" when the log names none
 * @param tripId         unique within the input, e.g. {@code vehicle-7/2026-11-21T08:00:00Z}
 * @param timeSeconds    seconds since the Unix epoch, UTC
 * @param lat            degrees WGS 84
 * @param lon            degrees WGS 84
 * @param speedMps       reported speed in m/s
 * @param headingDeg     reported course over ground, degrees clockwise from north
 * @param accuracyMeters reported horizontal accuracy (1 sigma) in metres
 */
public record Trip(
        String vehicleId,
        String tripId,
        int count,
        double[] timeSeconds,
        double[] lat,
        double[] lon,
        float[] speedMps,
        float[] headingDeg,
        float[] accuracyMeters) {

    public Trip {
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(tripId, "tripId");
        Objects.requireNonNull(timeSeconds, "timeSeconds");
        Objects.requireNonNull(lat, "lat");
        Objects.requireNonNull(lon, "lon");
        if (count < 0 || count > timeSeconds.length || count > lat.length || count > lon.length
                || (speedMps != null && count > speedMps.length)
                || (headingDeg != null && count > headingDeg.length)
                || (accuracyMeters != null && count > accuracyMeters.length)) {
            throw new IllegalArgumentException("trip " + tripId + ": count " + count + " exceeds a column's length");
        }
    }
}
