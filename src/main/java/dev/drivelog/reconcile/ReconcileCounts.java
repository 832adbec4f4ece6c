package dev.drivelog.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one reconcile pass found.
 *
 * @param listed      input objects listed (after the {@code --since} filter; our own results not counted)
 * @param missing     of those, inputs without a result manifest
 * @param enqueued    jobs sent to the queue (0 in a dry run)
 * @param resumeAfter null when the pass went through the whole listing; else it stopped early (its time
 *                    ran out) and every key up to and including this one was dealt with: a pass starting
 *                    after it covers the rest ("" when the pass stopped before its first key)
 */
public record ReconcileCounts(long listed, long missing, long enqueued, String resumeAfter) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A complete pass. */
    public ReconcileCounts(long listed, long missing, long enqueued) {
        this(listed, missing, enqueued, null);
    }

    public boolean complete() {
        return resumeAfter == null;
    }

    /** {@code {"listed":..,"missing":..,"enqueued":..,"complete":..}}, plus {@code "resume_after"} when not complete. */
    public String toJson() {
        ObjectNode json = JSON.createObjectNode().put("listed", listed).put("missing", missing).put("enqueued", enqueued)
                .put("complete", complete());
        if (!complete()) {
            json.put("resume_after", resumeAfter);
        }
        return json.toString();
    }
}
