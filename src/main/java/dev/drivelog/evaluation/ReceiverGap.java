package dev.drivelog.evaluation;

/**
 * A stretch of a simulated trip where the receiver recorded no fix (a dropout), from the last fix
 * before it to the first fix after it, in seconds since the epoch.
 */
public record ReceiverGap(double startTime, double endTime) {
    public ReceiverGap {
        if (!(endTime >= startTime)) {
            throw new IllegalArgumentException("gap ends (" + endTime + ") before it starts (" + startTime + ")");
        }
    }

    /**
     * Whether the gap hides part of the violation. The fixes bounding the gap were recorded, so a
     * violation that only touches its ends is still visible.
     */
    boolean hides(TimedViolation violation) {
        return startTime < violation.endTime() && violation.startTime() < endTime;
    }
}
