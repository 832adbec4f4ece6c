package dev.drivelog.evaluation;

/**
 * A violation as the evaluation sees it: its type and time interval (seconds since the epoch, end >= start),
 * and whether a conditional rule in force decided it ({@code conditional}: its evidence names a
 * {@code conditional_tag} or gives {@code limit_source} {@code conditional}; docs/CONDITIONAL.md).
 */
public record TimedViolation(String type, double startTime, double endTime, boolean conditional) {
    /** A violation decided by the plain tags. */
    public TimedViolation(String type, double startTime, double endTime) {
        this(type, startTime, endTime, false);
    }

    public TimedViolation {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("violation without a type");
        }
        if (!(endTime >= startTime)) {
            throw new IllegalArgumentException("violation " + type + " ends (" + endTime + ") before it starts (" + startTime + ")");
        }
    }

    /** Whether the two intervals overlap once each is widened by {@code slackSeconds} on both sides. */
    boolean overlaps(TimedViolation other, double slackSeconds) {
        return startTime - slackSeconds <= other.endTime + slackSeconds && other.startTime - slackSeconds <= endTime + slackSeconds;
    }

    /** Length of the plain intersection of the two intervals (0 when they only touch through slack). */
    double overlapSeconds(TimedViolation other) {
        return Math.max(0, Math.min(endTime, other.endTime) - Math.max(startTime, other.startTime));
    }
}
