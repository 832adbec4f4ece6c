package dev.drivelog.evaluation;

/**
 * A stretch of a trip on one OSM way: from the truth's {@code route} (with its length in metres) or
 * from a result's {@code matched} list (length unused). Times in seconds since the epoch.
 * {@code forward}: driven in the way's direction; null where the file does not say.
 */
public record WayInterval(long osmWayId, Boolean forward, double lengthMeters, double startTime, double endTime) {
    public WayInterval {
        if (!(endTime >= startTime)) {
            throw new IllegalArgumentException("way " + osmWayId + " ends (" + endTime + ") before it starts (" + startTime + ")");
        }
        if (!(lengthMeters >= 0)) {
            throw new IllegalArgumentException("way " + osmWayId + " has a negative length " + lengthMeters);
        }
    }

    /** A stretch without a known direction. */
    public WayInterval(long osmWayId, double lengthMeters, double startTime, double endTime) {
        this(osmWayId, null, lengthMeters, startTime, endTime);
    }

    boolean contains(double time) {
        return startTime <= time && time <= endTime;
    }
}
