package dev.drivelog.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.job.JobOutcome;
import dev.drivelog.job.LineCountAnalysis;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.job.TimeBudget;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.observability.LogContext;
import dev.drivelog.storage.BucketAccessLayer;
import dev.drivelog.storage.LocalS3;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * A job naming an input we may not read (403) is a permanent failure: refused, logged with bucket and
 * key, never retried, and nothing recorded (it was never read); 503 stays transient, and so does a 403 on the output
 * side (our own configuration). S3's answers are played by {@link BucketAccessLayer} in front of
 * S3Proxy on 127.0.0.1.
 */
class AccessDeniedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESULTS = "results-bucket";
    private static final String SECRET_LINE = "point-with-private-content-7f3a";

    private LocalS3 s3;
    private BucketAccessLayer layer;
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final JsonLog log = new JsonLog(new PrintStream(logged, true, StandardCharsets.UTF_8), JsonLog.Level.INFO);

    @BeforeEach
    void start() throws Exception {
        s3 = LocalS3.start();
        s3.createBucket(RESULTS);
        layer = new BucketAccessLayer();
    }

    @AfterEach
    void stop() throws Exception {
        layer.close();
        s3.close();
    }

    private Pipeline pipeline(Map<String, String> environment) {
        return new Pipeline(PipelineSettings.load(environment), s3.connection().withHttpLayer(layer::wrap),
                new LineCountAnalysis(), "line-count-1", log, "test");
    }

    private static BatchResult run(Pipeline pipeline, String bucket, String key) {
        QueueMessage message = new QueueMessage("m-1", "{\"bucket\":\"" + bucket + "\",\"key\":\"" + key + "\"}", 1);
        return pipeline.processor().process(List.of(message), TimeBudget.unlimited(), LogContext.forRequest("r-1", null));
    }

    private void inputIn(String bucket, String key) {
        s3.createBucket(bucket);
        s3.put(bucket, key, (SECRET_LINE + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private List<JsonNode> logLines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logged.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private JsonNode errorLineAbout(String bucket, String key) throws Exception {
        return logLines().stream()
                .filter(l -> "ERROR".equals(l.path("level").asText()) && bucket.equals(l.path("bucket").asText())
                        && key.equals(l.path("objectKey").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no error line naming s3://" + bucket + "/" + key + " in " + logged));
    }

    @Test
    void process_inputBucketDeniesUs_refusedLoggedNotRetriedAndNothingRecorded() throws Exception {
        inputIn("foreign", "logs/a.csv");
        layer.deny("foreign");
        try (Pipeline pipeline = pipeline(Map.of("DRIVELOG_PIPELINE__OUTPUT_BUCKET", RESULTS))) {
            BatchResult first = run(pipeline, "foreign", "logs/a.csv");
            assertEquals(List.of(), first.failedMessageIds(), "must not be retried");
            JobOutcome.Refused refused = assertInstanceOf(JobOutcome.Refused.class, first.messages().getFirst().outcomes().getFirst());
            assertTrue(refused.reason().startsWith("access denied reading s3://foreign/logs/a.csv (403"), refused.reason());
            // Never read, so nothing is recorded: once the bucket lets us read, the same notification analyses it.
            assertEquals(List.of(), s3.keys(RESULTS, ""));

            JsonNode line = errorLineAbout("foreign", "logs/a.csv");
            assertTrue(line.path("message").asText().startsWith("refused, not retried: access denied"), line.toString());
            assertFalse(logged.toString(StandardCharsets.UTF_8).contains(SECRET_LINE), "object content in the log");

            layer.allow("foreign");
            BatchResult later = run(pipeline, "foreign", "logs/a.csv");
            assertInstanceOf(JobOutcome.Committed.class, later.messages().getFirst().outcomes().getFirst());
        }
    }

    @Test
    void process_deniedBucketIsAlsoTheOutput_refusedLoggedAndNotRetried() throws Exception {
        inputIn("closed", "logs/b.csv");
        layer.deny("closed");
        try (Pipeline pipeline = pipeline(Map.of())) {   // no output bucket: results would go to "closed" too
            BatchResult result = run(pipeline, "closed", "logs/b.csv");
            assertEquals(List.of(), result.failedMessageIds(), "must not be retried");
            JobOutcome.Refused refused = assertInstanceOf(JobOutcome.Refused.class, result.messages().getFirst().outcomes().getFirst());
            assertTrue(refused.reason().contains("(403"), refused.reason());
            assertTrue(layer.sent().stream().noneMatch(r -> r.method() == SdkHttpMethod.PUT), "no record attempted: " + layer.sent());
            assertTrue(errorLineAbout("closed", "logs/b.csv").path("message").asText().startsWith("refused, not retried: access denied"),
                    logged.toString(StandardCharsets.UTF_8));
            assertFalse(logged.toString(StandardCharsets.UTF_8).contains(SECRET_LINE), "object content in the log");
        }
    }

    @Test
    void process_inputBucketSlowsDown_failsTransientlyAndIsRetried() {
        inputIn("busy", "logs/c.csv");
        layer.slowDown("busy");
        try (Pipeline pipeline = pipeline(Map.of("DRIVELOG_PIPELINE__OUTPUT_BUCKET", RESULTS))) {
            BatchResult result = run(pipeline, "busy", "logs/c.csv");
            assertEquals(List.of("m-1"), result.failedMessageIds());
            JobOutcome.Failed failed = assertInstanceOf(JobOutcome.Failed.class, result.messages().getFirst().outcomes().getFirst());
            assertTrue(failed.reason().contains("503"), failed.reason());
        }
        assertTrue(s3.keys(RESULTS, "").isEmpty(), "no record for a transient failure");
    }

    @Test
    void process_outputBucketDeniesUs_failsTransientlySoTheDeadLetterQueueKeepsIt() {
        inputIn("inputs", "logs/d.csv");
        s3.createBucket("results-denied");
        layer.deny("results-denied");
        try (Pipeline pipeline = pipeline(Map.of("DRIVELOG_PIPELINE__OUTPUT_BUCKET", "results-denied"))) {
            BatchResult result = run(pipeline, "inputs", "logs/d.csv");
            assertEquals(List.of("m-1"), result.failedMessageIds());
            assertInstanceOf(JobOutcome.Failed.class, result.messages().getFirst().outcomes().getFirst());
        }
    }
}
