package dev.drivelog.observability;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every log line of one piece of work carries: the invocation's request id and trace id, and,
 * once known, the SQS message id and the object key. Immutable: each narrower scope makes a copy.
 */
public record LogContext(String requestId, String traceId, String messageId, String bucket, String objectKey) {

    public static LogContext forRequest(String requestId, String traceId) {
        return new LogContext(requestId, traceId, null, null, null);
    }

    public LogContext withMessage(String newMessageId) {
        return new LogContext(requestId, traceId, newMessageId, null, null);
    }

    public LogContext withObject(String newBucket, String newObjectKey) {
        return new LogContext(requestId, traceId, messageId, newBucket, newObjectKey);
    }

    /** The non-null fields, in a stable order, as they appear in log lines. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        putIfPresent(fields, "requestId", requestId);
        putIfPresent(fields, "traceId", traceId);
        putIfPresent(fields, "messageId", messageId);
        putIfPresent(fields, "bucket", bucket);
        putIfPresent(fields, "objectKey", objectKey);
        return fields;
    }

    private static void putIfPresent(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
