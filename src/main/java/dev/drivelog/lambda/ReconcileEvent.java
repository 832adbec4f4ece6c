package dev.drivelog.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What starts a reconcile pass: the EventBridge scheduled event (whose fields are not needed: a
 * scheduled pass starts at the beginning of the listing with the configured look-back), or a manual
 * invocation with either or both of {@code "start_after":KEY} (continue a pass that stopped early at
 * its {@code resume_after}) and {@code "since":INSTANT} (look further back, e.g. after an outage).
 *
 * @param startAfter list only keys after this one; null for the whole listing
 * @param since      check inputs modified from this instant on instead of the configured look-back; null: configured
 */
record ReconcileEvent(String startAfter, Instant since) {
    static final String START_AFTER = "start_after";
    static final String SINCE = "since";

    /** @throws IOException when the input is not a JSON object, or a field named above has the wrong form */
    static ReconcileEvent read(InputStream in, ObjectMapper json) throws IOException {
        JsonNode root = json.readTree(in);
        if (root == null || root.isMissingNode()) {
            return new ReconcileEvent(null, null);
        }
        if (!root.isObject()) {
            throw new IOException("not a reconcile event: expected a JSON object (a scheduled event, or {\""
                    + START_AFTER + "\":KEY, \"" + SINCE + "\":INSTANT}), got " + root.getNodeType());
        }
        String startAfter = text(root, START_AFTER, "a key");
        String since = text(root, SINCE, "an instant like 2026-11-20T08:00:00Z");
        try {
            return new ReconcileEvent(startAfter, since == null ? null : Instant.parse(since));
        } catch (DateTimeParseException e) {
            throw new IOException("not a reconcile event: " + SINCE + " must be an instant like 2026-11-20T08:00:00Z, got '"
                    + since + "'", e);
        }
    }

    private static String text(JsonNode root, String field, String expected) throws IOException {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IOException("not a reconcile event: " + field + " must be " + expected + " (a string), got " + value.getNodeType());
        }
        return value.asText();
    }
}
