package dev.drivelog.observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one batch, published as one CloudWatch Embedded Metric Format line: CloudWatch turns
 * the line into metrics without any API call. Thread-safe: jobs of a batch add concurrently.
 */
public final class PipelineMetrics {
    /** Namespace of drivelog's metrics in CloudWatch. */
    public static final String NAMESPACE = "drivelog";

    private final AtomicLong objects = new AtomicLong();
    private final AtomicLong points = new AtomicLong();
    private final AtomicLong violations = new AtomicLong();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong jobMillis = new AtomicLong();

    public void objectProcessed(long pointCount, long violationCount, long inputBytes, long outputBytes, long millis) {
        objects.incrementAndGet();
        points.addAndGet(pointCount);
        violations.addAndGet(violationCount);
        bytesIn.addAndGet(inputBytes);
        bytesOut.addAndGet(outputBytes);
        jobMillis.addAndGet(millis);
    }

    public void duplicateSkipped() {
        duplicates.incrementAndGet();
    }

    public void objectRejected() {
        rejected.incrementAndGet();
    }

    /** A message whose body is no job drivelog understands: dropped without retry (it never reaches the DLQ). */
    public void messageDropped() {
        dropped.incrementAndGet();
    }

    public long dropped() {
        return dropped.get();
    }

    public void failure() {
        failures.incrementAndGet();
    }

    public long objects() {
        return objects.get();
    }

    public long violations() {
        return violations.get();
    }

    public long duplicates() {
        return duplicates.get();
    }

    public long failures() {
        return failures.get();
    }

    public long rejected() {
        return rejected.get();
    }

    /**
     * The EMF object for this batch.
     *
     * @param functionName   dimension value (the Lambda function or worker name)
     * @param batchMillis    wall time of the whole batch
     * @param context        request and trace ids, added as searchable properties (not dimensions)
     */
    public Map<String, Object> toEmbeddedMetricFormat(String functionName, long batchMillis, LogContext context) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Objects", objects.get());
        values.put("Points", points.get());
        values.put("Violations", violations.get());
        values.put("BytesIn", bytesIn.get());
        values.put("BytesOut", bytesOut.get());
        values.put("Duplicates", duplicates.get());
        values.put("Rejected", rejected.get());
        values.put("Dropped", dropped.get());
        values.put("Failures", failures.get());
        values.put("JobDuration", jobMillis.get());
        values.put("BatchDuration", batchMillis);

        List<Map<String, String>> definitions = new ArrayList<>();
        values.keySet().forEach(name -> definitions.add(Map.of("Name", name, "Unit", unitOf(name))));

        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of(
                "Timestamp", System.currentTimeMillis(),
                "CloudWatchMetrics", List.of(Map.of(
                        "Namespace", NAMESPACE,
                        "Dimensions", List.of(List.of("FunctionName")),
                        "Metrics", definitions))));
        line.put("FunctionName", functionName);
        line.putAll(context.fields());
        line.putAll(values);
        return line;
    }

    private static String unitOf(String name) {
        if (name.startsWith("Bytes")) {
            return "Bytes";
        }
        return name.endsWith("Duration") ? "Milliseconds" : "Count";
    }
}
