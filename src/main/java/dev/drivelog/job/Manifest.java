package dev.drivelog.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.observability.LogContext;
import dev.drivelog.storage.ObjectInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commit marker of one input's results ({@code manifest.json}, schema {@code drivelog.manifest/1}):
 * written last and only if absent, it says the result set is complete (status {@code ok}) or that
 * the input can never be analysed (status {@code rejected}, with the reason). Readers trust result
 * files only under a prefix that has a manifest.
 */
final class Manifest {
    static final String SCHEMA = "drivelog.manifest/1";
    static final String CONTENT_TYPE = "application/json";
    private static final int MAX_PROBLEMS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Manifest() {}

    static byte[] committed(Job job, ObjectInfo input, String resultVersion, InputReport report,
            Map<String, Long> outputBytes, LogContext context) {
        Map<String, Object> manifest = common("ok", job, input, resultVersion, context);
        manifest.put("outputs", outputBytes);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("trips", report.trips());
        summary.put("points", report.points());
        summary.put("violations", report.violations());
        summary.put("violation_counts", report.violationCounts());
        summary.put("failed_trips", report.failedTrips());
        List<String> problems = report.problems();
        summary.put("problems", problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems);
        summary.put("problems_total", problems.size());
        manifest.put("report", summary);
        return toBytes(manifest);
    }

    static byte[] rejected(Job job, ObjectInfo input, String resultVersion, String reason, LogContext context) {
        Map<String, Object> manifest = common("rejected", job, input, resultVersion, context);
        manifest.put("reason", reason);
        return toBytes(manifest);
    }

    private static Map<String, Object> common(String status, Job job, ObjectInfo input, String resultVersion,
            LogContext context) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schema", SCHEMA);
        manifest.put("status", status);
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("bucket", job.bucket());
        in.put("key", job.key());
        in.put("version_id", input != null ? input.versionId() : job.versionId());
        in.put("etag", input != null ? input.eTag() : job.eTag());
        in.put("size_bytes", input != null ? input.sizeBytes() : job.sizeBytes());
        manifest.put("input", in);
        manifest.put("result_version", resultVersion);
        manifest.put("finished_at", Instant.now().toString());
        manifest.put("request_id", context.requestId());
        manifest.put("message_id", context.messageId());
        manifest.put("trace_id", context.traceId());
        return manifest;
    }

    private static byte[] toBytes(Map<String, Object> manifest) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest not serialisable", e);
        }
    }
}
