package dev.drivelog.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.demo.EmbeddedSqs;
import dev.drivelog.job.Job;
import dev.drivelog.job.LineCountAnalysis;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.job.ResultLayout;
import dev.drivelog.job.TimeBudget;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.observability.LogContext;
import dev.drivelog.queue.BatchResult;
import dev.drivelog.queue.MessageBodyParser;
import dev.drivelog.queue.Pipeline;
import dev.drivelog.queue.QueueMessage;
import dev.drivelog.storage.LocalS3;
import dev.drivelog.storage.S3ObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Reconcile against S3Proxy and ElasticMQ on 127.0.0.1, with results committed by the real pipeline. */
class ReconcilerTest {
    private static final String BUCKET = "reconcile-test";
    private static final int LOGS = 25;
    private final JsonLog quiet = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), JsonLog.Level.ERROR);
    private LocalS3 s3;
    private Pipeline pipeline;

    @BeforeEach
    void start() throws Exception {
        s3 = LocalS3.start();
        s3.createBucket(BUCKET);
        pipeline = new Pipeline(PipelineSettings.load(Map.of()), s3.connection(), new LineCountAnalysis(), "line-count-1",
                quiet, "test");
        for (int i = 0; i < LOGS; i++) {
            String content = i == 3 ? "reject\n" : "a\nb\nline " + i + "\n";
            s3.put(BUCKET, key(i), content.getBytes(StandardCharsets.UTF_8));
        }
    }

    @AfterEach
    void stop() throws Exception {
        pipeline.close();
        s3.close();
    }

    private static String key(int i) {
        return "logs/car " + i + ".csv";
    }

    private void processDirectly(int i) {
        String body = JobBodies.of(Job.of(BUCKET, key(i)));
        BatchResult result = pipeline.processor().process(List.of(new QueueMessage("m-" + i, body, 1)),
                TimeBudget.unlimited(), LogContext.forRequest("r-" + i, null));
        assertTrue(result.failedMessageIds().isEmpty(), "log " + i + " should be committed or rejected");
    }

    private Reconciler reconciler(int pageSize) {
        return new Reconciler(pipeline.store(), pipeline.runner().layout(), 4, pageSize);
    }

    @Test
    void run_someInputsCommitted_enqueuesExactlyTheOthersAndTheirJobsCommitThem() throws Exception {
        Set<String> committedBefore = new TreeSet<>();
        for (int i = 0; i < LOGS; i += 3) {
            processDirectly(i); // log 3 ends rejected: a rejection is a committed outcome, not a missing one
            committedBefore.add(key(i));
        }
        try (EmbeddedSqs sqsServer = EmbeddedSqs.start(); SqsClient sqs = s3.connection().sqsClient(sqsServer.endpoint())) {
            String queueUrl = sqs.createQueue(b -> b.queueName("reconcile")).queueUrl();

            ReconcileCounts first = reconciler(4).run(new S3Uri(BUCKET, ""), null, new QueuedInputs(sqs, queueUrl),
                    Progress.silent());

            int missing = LOGS - committedBefore.size();
            assertEquals(new ReconcileCounts(LOGS, missing, missing), first, "results/ keys are not inputs");
            List<Message> messages = QueueContents.receiveAll(sqs, queueUrl);
            Set<String> enqueuedKeys = new TreeSet<>();
            MessageBodyParser parser = new MessageBodyParser();
            List<QueueMessage> batch = new ArrayList<>();
            for (Message message : messages) {
                Job job = parser.parse(message.body()).jobs().getFirst();
                enqueuedKeys.add(job.key());
                batch.add(new QueueMessage(message.messageId(), message.body(), 1));
            }
            assertEquals(missing, enqueuedKeys.size(), "each missing log enqueued once");
            enqueuedKeys.retainAll(committedBefore);
            assertTrue(enqueuedKeys.isEmpty(), "committed logs enqueued: " + enqueuedKeys);

            BatchResult processed = pipeline.processor().process(batch, TimeBudget.unlimited(), LogContext.forRequest("r", null));
            assertTrue(processed.failedMessageIds().isEmpty());
            ReconcileCounts second = reconciler(1000).run(new S3Uri(BUCKET, "logs/"), null, new QueuedInputs(sqs, queueUrl),
                    Progress.silent());
            assertEquals(new ReconcileCounts(LOGS, 0, 0), second);
        }
    }

    @Test
    void run_since_countsOnlyInputsModifiedAfterIt() throws Exception {
        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS);

        ReconcileCounts none = reconciler(7).run(new S3Uri(BUCKET, "logs/"), tomorrow,
                new ListedInputs(new PrintStream(listing, true, StandardCharsets.UTF_8)), Progress.silent());
        ReconcileCounts all = reconciler(7).run(new S3Uri(BUCKET, "logs/"), yesterday,
                new ListedInputs(new PrintStream(listing, true, StandardCharsets.UTF_8)), Progress.silent());

        assertEquals(new ReconcileCounts(0, 0, 0), none);
        assertEquals(new ReconcileCounts(LOGS, LOGS, 0), all, "a dry run enqueues nothing");
    }

    @Test
    void run_dryRun_printsOneParseableJobBodyPerMissingInput() throws Exception {
        processDirectly(0);
        ByteArrayOutputStream listing = new ByteArrayOutputStream();

        ReconcileCounts counts = reconciler(10).run(new S3Uri(BUCKET, "logs/car 1"), null,
                new ListedInputs(new PrintStream(listing, true, StandardCharsets.UTF_8)), Progress.silent());

        // "logs/car 1" matches car 1 and car 10..19
        assertEquals(new ReconcileCounts(11, 11, 0), counts);
        List<String> lines = listing.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(11, lines.size());
        Job job = new MessageBodyParser().parse(lines.getFirst()).jobs().getFirst();
        assertEquals(BUCKET, job.bucket());
        assertEquals(key(1), job.key());
        assertNull(job.versionId(), "S3Proxy buckets are unversioned");
    }

    @Test
    void run_separateOutputBucket_checksManifestsThere() throws Exception {
        s3.createBucket("reconcile-results");
        ResultLayout elsewhere = new ResultLayout("reconcile-results", "out/", "line-count-1");
        Job job = Job.of(BUCKET, key(5));
        String manifestKey = elsewhere.prefixFor(BUCKET, key(5),
                "e:" + pipeline.store().head(BUCKET, key(5), null).eTag()).manifestKey();
        s3.put("reconcile-results", manifestKey, "{}".getBytes(StandardCharsets.UTF_8));

        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        ReconcileCounts counts = new Reconciler(pipeline.store(), elsewhere, 2).run(new S3Uri(BUCKET, "logs/"), null,
                new ListedInputs(new PrintStream(listing, true, StandardCharsets.UTF_8)), Progress.silent());

        assertEquals(new ReconcileCounts(LOGS, LOGS - 1, 0), counts);
        assertTrue(!listing.toString(StandardCharsets.UTF_8).contains(JobBodies.of(job)), "log 5 has its manifest");
    }

    @Test
    void run_timeRunsOutOnTheSecondPage_resumeAfterLetsAnotherPassCoverTheRestExactlyOnce() throws Exception {
        List<String> sortedKeys = new ArrayList<>();
        for (int i = 0; i < LOGS; i++) {
            sortedKeys.add(key(i));
        }
        sortedKeys.sort(null); // S3 lists in UTF-8 byte order; these keys are ASCII
        AtomicInteger asked = new AtomicInteger();
        ByteArrayOutputStream firstListing = new ByteArrayOutputStream();
        ByteArrayOutputStream restListing = new ByteArrayOutputStream();

        // Pages of 4 keys; time for 6 keys: the whole first page and half the second.
        ReconcileCounts first = reconciler(4).run(new S3Uri(BUCKET, "logs/"), ModificationWindow.ALL, null, () -> asked.getAndIncrement() < 6,
                new ListedInputs(new PrintStream(firstListing, true, StandardCharsets.UTF_8)), Progress.silent());
        ReconcileCounts rest = reconciler(4).run(new S3Uri(BUCKET, "logs/"), ModificationWindow.ALL, first.resumeAfter(), () -> true,
                new ListedInputs(new PrintStream(restListing, true, StandardCharsets.UTF_8)), Progress.silent());

        assertEquals(new ReconcileCounts(6, 6, 0, sortedKeys.get(5)), first);
        assertEquals(new ReconcileCounts(LOGS - 6, LOGS - 6, 0), rest);
        MessageBodyParser parser = new MessageBodyParser();
        List<String> listed = new ArrayList<>();
        for (String line : (firstListing.toString(StandardCharsets.UTF_8) + restListing.toString(StandardCharsets.UTF_8))
                .lines().toList()) {
            listed.add(parser.parse(line).jobs().getFirst().key());
        }
        assertEquals(sortedKeys, listed, "every key once, in listing order, over both passes");
    }

    @Test
    void toJson_incompletePass_namesWhereToResumeEscaped() {
        assertEquals("{\"listed\":1,\"missing\":1,\"enqueued\":1,\"complete\":false,\"resume_after\":\"logs/a \\\"b\\\".csv\"}",
                new ReconcileCounts(1, 1, 1, "logs/a \"b\".csv").toJson());
        assertEquals("{\"listed\":2,\"missing\":0,\"enqueued\":0,\"complete\":true}", new ReconcileCounts(2, 0, 0).toJson());
    }
}
