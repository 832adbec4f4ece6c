package dev.drivelog.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.job.Job;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Understands the SQS message bodies that name drive logs:
 * <ul>
 *   <li>S3 event notifications ({@code Records[].s3}); their keys are form-URL-encoded ({@code +}
 *       is a space). {@code s3:TestEvent} yields no job. Records other than ObjectCreated are noted and skipped.
 *   <li>the same wrapped in an SNS notification ({@code Type: Notification}, {@code Message}: the S3 event as text);
 *   <li>EventBridge "Object Created" events ({@code source: aws.s3}); their keys are not encoded;
 *   <li>direct jobs {@code {"bucket": ..., "key": ..., "versionId"?: ...}}, or an array of them.
 * </ul>
 * Anything else yields a {@link ParsedBody} with a problem that names what was wrong. Thread-safe.
 */
public final class MessageBodyParser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXCERPT_CHARS = 120;

    public ParsedBody parse(String body) {
        if (body == null || body.isBlank()) {
            return ParsedBody.unrecognised("empty message body");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return ParsedBody.unrecognised("body is not JSON (" + e.getOriginalMessage() + "): " + excerpt(body));
        }
        try {
            return parse(root, body);
        } catch (IllegalArgumentException e) {
            return ParsedBody.unrecognised(e.getMessage());
        }
    }

    private ParsedBody parse(JsonNode root, String body) {
        if (root.isArray()) {
            List<Job> jobs = new ArrayList<>();
            int index = 0;
            for (JsonNode element : root) {
                jobs.add(directJob(element, "element " + index++));
            }
            if (jobs.isEmpty()) {
                return ParsedBody.unrecognised("empty job array");
            }
            return new ParsedBody(jobs, List.of(), null);
        }
        if (!root.isObject()) {
            return ParsedBody.unrecognised("body is JSON but not an object: " + excerpt(body));
        }
        if ("s3:TestEvent".equals(root.path("Event").asText(null))) {
            return new ParsedBody(List.of(), List.of("s3:TestEvent for bucket " + root.path("Bucket").asText("?")), null);
        }
        if (root.has("Records")) {
            return s3Notification(root.get("Records"));
        }
        if ("Notification".equals(root.path("Type").asText(null)) && root.path("Message").isTextual()) {
            return parse(root.get("Message").asText());
        }
        if ("aws.s3".equals(root.path("source").asText(null)) && root.has("detail")) {
            return eventBridge(root);
        }
        if (root.has("bucket") || root.has("key")) {
            return new ParsedBody(List.of(directJob(root, "job")), List.of(), null);
        }
        return ParsedBody.unrecognised("not an S3 notification, EventBridge S3 event or {bucket, key} job: " + excerpt(body));
    }

    private static ParsedBody s3Notification(JsonNode records) {
        if (!records.isArray() || records.isEmpty()) {
            throw new IllegalArgumentException("S3 notification with no Records");
        }
        List<Job> jobs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            String eventName = record.path("eventName").asText("");
            JsonNode s3 = record.path("s3");
            if (s3.isMissingNode()) {
                throw new IllegalArgumentException("Records[" + i + "] has no s3 field (eventSource "
                        + record.path("eventSource").asText("?") + ")");
            }
            String bucket = required(s3.path("bucket").path("name"), "Records[" + i + "].s3.bucket.name");
            String encodedKey = required(s3.path("object").path("key"), "Records[" + i + "].s3.object.key");
            String key = decodeKey(encodedKey, "Records[" + i + "].s3.object.key");
            if (!eventName.startsWith("ObjectCreated:")) {
                notes.add("skipped " + (eventName.isEmpty() ? "a record without eventName" : eventName)
                        + " for s3://" + bucket + "/" + key);
                continue;
            }
            JsonNode object = s3.path("object");
            jobs.add(new Job(bucket, key, object.path("versionId").asText(null), object.path("eTag").asText(null),
                    object.path("size").asLong(-1)));
        }
        return new ParsedBody(jobs, notes, null);
    }

    private static ParsedBody eventBridge(JsonNode root) {
        String detailType = root.path("detail-type").asText("");
        JsonNode detail = root.get("detail");
        String bucket = required(detail.path("bucket").path("name"), "detail.bucket.name");
        String key = required(detail.path("object").path("key"), "detail.object.key");
        if (!"Object Created".equals(detailType)) {
            return new ParsedBody(List.of(), List.of("skipped EventBridge '" + detailType + "' for s3://" + bucket + "/" + key), null);
        }
        JsonNode object = detail.path("object");
        Job job = new Job(bucket, key, object.path("version-id").asText(null), object.path("etag").asText(null),
                object.path("size").asLong(-1));
        return new ParsedBody(List.of(job), List.of(), null);
    }

    private static Job directJob(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected {\"bucket\": ..., \"key\": ...}");
        }
        String bucket = required(node.path("bucket"), where + ".bucket");
        String key = required(node.path("key"), where + ".key");
        return new Job(bucket, key, node.path("versionId").asText(null), null, -1);
    }

    private static String required(JsonNode node, String field) {
        if (!node.isTextual() || node.asText().isEmpty()) {
            throw new IllegalArgumentException("missing or empty " + field);
        }
        return node.asText();
    }

    /** S3 notifications encode keys like HTML forms: {@code +} is a space, {@code %2B} a plus. */
    static String decodeKey(String encoded, String field) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not valid form-URL encoding: " + excerpt(encoded), e);
        }
    }

    private static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= EXCERPT_CHARS ? oneLine : oneLine.substring(0, EXCERPT_CHARS) + "...";
    }
}
