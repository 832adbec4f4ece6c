package dev.drivelog.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.job.JobOutcome;
import dev.drivelog.job.LineCountAnalysis;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.job.TimeBudget;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.observability.LogContext;
import dev.drivelog.reconcile.ListedInputs;
import dev.drivelog.reconcile.Progress;
import dev.drivelog.reconcile.ReconcileCounts;
import dev.drivelog.reconcile.Reconciler;
import dev.drivelog.reconcile.S3Uri;
import dev.drivelog.storage.BucketAccessLayer;
import dev.drivelog.storage.BucketAccessLayer.SentRequest;
import dev.drivelog.storage.LocalS3;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * pipeline.expected_bucket_owner: every S3 request the pipeline and the reconciler send carries
 * {@code x-amz-expected-bucket-owner}, checked on the wire (after signing) in front of S3Proxy on
 * 127.0.0.1, which itself ignores the header.
 */
class ExpectedBucketOwnerTest {
    private static final String BUCKET = "owned";
    private static final String ACCOUNT = "111122223333";
    private static final int MIB = 1024 * 1024;
    private static final Map<String, String> SMALL_TRANSFERS = Map.of(
            "DRIVELOG_PIPELINE__RANGED_DOWNLOAD_MINIMUM_MIB", "1",
            "DRIVELOG_PIPELINE__DOWNLOAD_PART_SIZE_MIB", "1",
            "DRIVELOG_PIPELINE__UPLOAD_PART_SIZE_MIB", "5");

    private LocalS3 s3;
    private BucketAccessLayer layer;
    private final JsonLog log = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), JsonLog.Level.ERROR);

    @BeforeEach
    void start() throws Exception {
        s3 = LocalS3.start();
        s3.createBucket(BUCKET);
        // S3's rule, played by the layer: a request naming another owner is refused. So the value sent is checked too.
        layer = new BucketAccessLayer().owner(BUCKET, ACCOUNT);
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

    private static BatchResult run(Pipeline pipeline, QueueMessage... messages) {
        return pipeline.processor().process(List.of(messages), TimeBudget.unlimited(), LogContext.forRequest("r-1", null));
    }

    private static QueueMessage direct(String id, String key) {
        return new QueueMessage(id, "{\"bucket\":\"" + BUCKET + "\",\"key\":\"" + key + "\"}", 1);
    }

    /** A log of {@code lines} that is over {@code minimumBytes}, so that it is read with ranged GETs. */
    private static byte[] logOf(String firstLine, int minimumBytes) {
        StringBuilder text = new StringBuilder(firstLine).append('\n');
        while (text.length() < minimumBytes) {
            text.append("point\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void process_ownerConfigured_everyRequestOfEveryKindCarriesTheOwner() throws Exception {
        s3.put(BUCKET, "logs/big.csv", logOf("big " + 6 * MIB, 2 * MIB));
        s3.put(BUCKET, "logs/aborted.csv", "fail-after-big 6000000\n".getBytes(StandardCharsets.UTF_8));
        Map<String, String> environment = new java.util.HashMap<>(SMALL_TRANSFERS);
        environment.put("DRIVELOG_PIPELINE__EXPECTED_BUCKET_OWNER", ACCOUNT);
        try (Pipeline pipeline = pipeline(environment)) {
            BatchResult result = run(pipeline, direct("m-1", "logs/big.csv"), direct("m-2", "logs/aborted.csv"));
            assertInstanceOf(JobOutcome.Committed.class, result.messages().get(0).outcomes().getFirst());
            assertInstanceOf(JobOutcome.Failed.class, result.messages().get(1).outcomes().getFirst());

            ReconcileCounts counts = new Reconciler(pipeline.store(), pipeline.runner().layout(), 4)
                    .run(new S3Uri(BUCKET, "logs/"), null, new ListedInputs(new PrintStream(OutputStream.nullOutputStream())),
                            Progress.silent());
            assertEquals(2, counts.listed());
            assertEquals(1, counts.missing(), "the aborted input has no manifest");
        }

        List<SentRequest> sent = layer.sent();
        List<String> without = sent.stream().filter(r -> !ACCOUNT.equals(r.expectedOwner())).map(SentRequest::describe).toList();
        assertEquals(List.of(), without, "requests without the expected owner");
        Map<String, Predicate<SentRequest>> kinds = Map.of(
                "HEAD (input, manifest)", r -> r.method() == SdkHttpMethod.HEAD,
                "ranged GET", r -> r.method() == SdkHttpMethod.GET && r.ranged(),
                "PUT (small result, manifest)", r -> r.method() == SdkHttpMethod.PUT && r.query().isEmpty(),
                "create multipart upload", r -> r.method() == SdkHttpMethod.POST && r.query().equals("uploads"),
                "upload part", r -> r.method() == SdkHttpMethod.PUT && r.query().equals("partNumber&uploadId"),
                "complete multipart upload", r -> r.method() == SdkHttpMethod.POST && r.query().equals("uploadId"),
                "abort multipart upload", r -> r.method() == SdkHttpMethod.DELETE && r.query().equals("uploadId"),
                "list objects", r -> r.method() == SdkHttpMethod.GET && r.query().contains("list-type"));
        kinds.forEach((kind, matches) -> assertTrue(sent.stream().anyMatch(matches),
                kind + " not among the requests sent: " + sent.stream().map(SentRequest::describe).distinct().toList()));
        assertTrue(s3.multipartUploads(BUCKET).isEmpty(), "the failed job's upload was aborted");
    }

    @Test
    void process_ownerNotConfigured_sendsNoOwnerHeader() {
        s3.put(BUCKET, "logs/a.csv", "point\n".getBytes(StandardCharsets.UTF_8));
        try (Pipeline pipeline = pipeline(Map.of())) {
            BatchResult result = run(pipeline, direct("m-1", "logs/a.csv"));
            assertInstanceOf(JobOutcome.Committed.class, result.messages().getFirst().outcomes().getFirst());
        }
        assertFalse(layer.sent().isEmpty());
        assertTrue(layer.sent().stream().allMatch(r -> r.expectedOwner() == null), layer.sent().toString());
    }

    @Test
    void process_bucketOfAnotherAccount_refusedByS3AndNotRetried() {
        s3.put(BUCKET, "logs/a.csv", "point\n".getBytes(StandardCharsets.UTF_8));
        s3.createBucket("ours");
        Map<String, String> environment = Map.of("DRIVELOG_PIPELINE__EXPECTED_BUCKET_OWNER", "999988887777",
                "DRIVELOG_PIPELINE__OUTPUT_BUCKET", "ours");
        layer.owner("ours", "999988887777");
        try (Pipeline pipeline = pipeline(environment)) {
            BatchResult result = run(pipeline, direct("m-1", "logs/a.csv"));
            assertEquals(List.of(), result.failedMessageIds());
            JobOutcome.Refused refused = assertInstanceOf(JobOutcome.Refused.class,
                    result.messages().getFirst().outcomes().getFirst());
            assertTrue(refused.reason().contains("access denied"), refused.reason());
            assertEquals(List.of(), s3.keys("ours", ""), "nothing recorded for what was never read");
        }
    }
}
