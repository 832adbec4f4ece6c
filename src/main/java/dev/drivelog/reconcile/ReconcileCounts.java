package dev.drivelog.reconcile;

/**
 * What one reconcile pass found.
 *
 * @param listed   input objects listed (after the {@code --since} filter; our own results not counted)
 * @param missing  of those, inputs without a result manifest
 * @param enqueued jobs sent to the queue (0 in a dry run)
 */
public record ReconcileCounts(long listed, long missing, long enqueued) {
    public String toJson() {
        return "{\"listed\":" + listed + ",\"missing\":" + missing + ",\"enqueued\":" + enqueued + "}";
    }
}
