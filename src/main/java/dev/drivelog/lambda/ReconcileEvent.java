package dev.drivelog.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * What starts a reconcile pass: the EventBridge scheduled event (whose fields are not needed: every
 * scheduled pass starts at the beginning of the listing), or a manual invocation
 * {@code {"start_after":"KEY"}} that continues a pass which stopped early (its result's {@code resume_after}).
 *
 * @param startAfter list only keys after this one; null for a whole pass
 */
record ReconcileEvent(String startAfter) {
    static final String START_AFTER = "start_after";

    /** @throws IOException when the input is not a JSON object, or {@code start_after} is not a string */
    static ReconcileEvent read(InputStream in, ObjectMapper json) throws IOException {
        JsonNode root = json.readTree(in);
        if (root == null || root.isMissingNode()) {
            return new ReconcileEvent(null);
        }
        if (!root.isObject()) {
            throw new IOException("not a reconcile event: expected a JSON object (a scheduled event or {\""
                    + START_AFTER + "\":\"KEY\"}), got " + root.getNodeType());
        }
        JsonNode startAfter = root.get(START_AFTER);
        if (startAfter == null || startAfter.isNull()) {
            return new ReconcileEvent(null);
        }
        if (!startAfter.isTextual()) {
            throw new IOException("not a reconcile event: " + START_AFTER + " must be a key (a string), got " + startAfter.getNodeType());
        }
        return new ReconcileEvent(startAfter.asText());
    }
}
