package dev.drivelog.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drivelog.storage.S3Connection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Benchmark (not a test), run by bench/handler-e2e.sh: one S3 object per SQS-style event through the
 * real Lambda handler ({@link SqsBatchHandler}, built from the environment as the runtime builds it),
 * against an S3 server in another process, so that this JVM's CPU is the handler's alone.
 *
 * <p>Arguments: {@code COPIES LABEL=FILE...}. Every file is uploaded COPIES times under its own keys
 * before anything is measured; then, file by file, each copy is given to the handler in an event of
 * its own, and the process CPU (user + system of every thread: the handler's, the JIT's, the GC's)
 * is read before and after each invocation, after a pause that lets the JIT's queue drain. The first
 * copy of a file pays for warm-up; the later ones are the steady state. Prints one JSON line per
 * invocation: points (from the committed manifest), CPU, wall time, and the CPU of the Java threads
 * grouped by name (digits folded; virtual threads run on the {@code ForkJoinPool-#-worker-#}
 * carriers; "unattributed" is the JIT, the GC and threads that ended).
 */
public final class HandlerEndToEndBenchmark {
    private static final String BUCKET = "drivelog-bench";
    private static final long SETTLE_MILLIS = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HandlerEndToEndBenchmark() {}

    public static void main(String[] args) throws Exception {
        int copies = Integer.parseInt(args[0]);
        Map<String, String> environment = System.getenv();
        try (S3Client s3 = S3Connection.fromEnvironment(environment).s3Client(4)) {
            s3.createBucket(b -> b.bucket(BUCKET));
            List<String[]> inputs = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String[] labelled = args[i].split("=", 2);
                Path file = Path.of(labelled[1]);
                for (int copy = 1; copy <= copies; copy++) {
                    String key = key(labelled[0], copy, file);
                    s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromFile(file));
                }
                inputs.add(labelled);
            }
            SqsBatchHandler handler = new SqsBatchHandler();
            Set<String> manifests = new HashSet<>(manifestKeys(s3));
            int message = 0;
            for (String[] input : inputs) {
                Path file = Path.of(input[1]);
                for (int copy = 1; copy <= copies; copy++) {
                    String key = key(input[0], copy, file);
                    byte[] event = event("m-" + ++message, key, Files.size(file));
                    Thread.sleep(SETTLE_MILLIS);
                    Map<String, Long> threadsBefore = threadCpuNanos();
                    long cpuBefore = processCpuNanos();
                    long wallBefore = System.nanoTime();
                    ByteArrayOutputStream response = new ByteArrayOutputStream();
                    handler.handleRequest(new ByteArrayInputStream(event), response,
                            TestContext.withRemainingMillis("bench-" + message, 900_000));
                    long wallNanos = System.nanoTime() - wallBefore;
                    Thread.sleep(SETTLE_MILLIS);
                    long cpuNanos = processCpuNanos() - cpuBefore;
                    Map<String, Long> threads = difference(threadCpuNanos(), threadsBefore);
                    JsonNode failures = JSON.readTree(response.toByteArray()).path("batchItemFailures");
                    long points = committedPoints(s3, manifests);
                    ObjectNode line = JSON.createObjectNode().put("what", "handler").put("label", input[0])
                            .put("copy", copy).put("points", points).put("cpu_s", cpuNanos / 1e9)
                            .put("wall_s", wallNanos / 1e9).put("failures", failures.size());
                    ObjectNode byThread = line.putObject("thread_cpu_s");
                    long attributed = 0;
                    for (Map.Entry<String, Long> group : threads.entrySet()) {
                        byThread.put(group.getKey(), group.getValue() / 1e9);
                        attributed += group.getValue();
                    }
                    byThread.put("unattributed", (cpuNanos - attributed) / 1e9);
                    System.err.println(JSON.writeValueAsString(line));
                }
            }
        }
    }

    private static String key(String label, int copy, Path file) {
        return "logs/" + label + "/copy-" + copy + "-" + file.getFileName();
    }

    /** An SQS event with one message whose body is S3's notification of the object (keys here need no escaping). */
    private static byte[] event(String messageId, String key, long size) throws Exception {
        String notification = JSON.writeValueAsString(Map.of("Records", List.of(Map.of(
                "eventSource", "aws:s3", "eventName", "ObjectCreated:Put",
                "s3", Map.of("bucket", Map.of("name", BUCKET), "object", Map.of("key", key, "size", size))))));
        return JSON.writeValueAsBytes(Map.of("Records", List.of(Map.of("messageId", messageId, "body", notification,
                "eventSource", "aws:sqs", "attributes", Map.of("ApproximateReceiveCount", "1")))));
    }

    /** The points of the manifest committed since the last call (0 if none was). */
    private static long committedPoints(S3Client s3, Set<String> seen) throws Exception {
        long points = 0;
        for (String key : manifestKeys(s3)) {
            if (seen.add(key)) {
                byte[] manifest = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
                points += JSON.readTree(manifest).path("report").path("points").asLong();
            }
        }
        return points;
    }

    private static List<String> manifestKeys(S3Client s3) {
        List<String> keys = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("results/")).contents()) {
            if (object.key().endsWith("/manifest.json")) {
                keys.add(object.key());
            }
        }
        return keys;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU of the live platform threads, summed by name with digits folded ("analysis-#"). */
    private static Map<String, Long> threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byName = new TreeMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) {
                byName.merge(info.getThreadName().replaceAll("\\d+", "#"), nanos, Long::sum);
            }
        }
        return byName;
    }

    /** After less before, per name; a group that lost threads can come out negative, which "unattributed" absorbs. */
    private static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> difference = new TreeMap<>();
        after.forEach((name, nanos) -> {
            long delta = nanos - before.getOrDefault(name, 0L);
            if (delta != 0) {
                difference.put(name, delta);
            }
        });
        return difference;
    }
}
