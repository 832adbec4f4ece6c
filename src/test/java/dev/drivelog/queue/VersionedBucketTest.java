package dev.drivelog.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drivelog.job.Job;
import dev.drivelog.job.JobOutcome;
import dev.drivelog.job.LineCountAnalysis;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.job.ResultLayout;
import dev.drivelog.job.ResultPrefix;
import dev.drivelog.job.TimeBudget;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.observability.LogContext;
import dev.drivelog.reconcile.MissingInputSink;
import dev.drivelog.reconcile.Progress;
import dev.drivelog.reconcile.ReconcileCounts;
import dev.drivelog.reconcile.Reconciler;
import dev.drivelog.reconcile.S3Uri;
import dev.drivelog.storage.NullVersionLayer;
import dev.drivelog.storage.S3MockServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * The pipeline and the reconciler against a versioned bucket (S3Mock in a child JVM; S3Proxy has no
 * versioning): results are named after the version id, one result set per version, a redelivery is a
 * duplicate of its own version, an old version's notification reads that version's bytes, and
 * reconcile enqueues exactly the versions without results. Analysis: {@link LineCountAnalysis}.
 */
class VersionedBucketTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonLog QUIET = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), JsonLog.Level.ERROR);
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static S3MockServer s3;

    private String bucket;
    private Pipeline pipeline;

    @BeforeAll
    static void startServer() throws Exception {
        s3 = S3MockServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        s3.close();
    }

    @BeforeEach
    void createBucketAndPipeline() {
        bucket = "versioned-" + BUCKETS.incrementAndGet();
        s3.createVersionedBucket(bucket);
        // Inputs from 1 MiB up are read as ranged GETs of 1 MiB, so that both read paths meet versions.
        PipelineSettings settings = PipelineSettings.load(Map.of(
                "DRIVELOG_PIPELINE__RANGED_DOWNLOAD_MINIMUM_MIB", "1",
                "DRIVELOG_PIPELINE__DOWNLOAD_PART_SIZE_MIB", "1"));
        pipeline = new Pipeline(settings, s3.connection(), new LineCountAnalysis(), "line-count-1", QUIET, "test");
    }

    @AfterEach
    void closePipeline() {
        pipeline.close();
    }

    @Test
    void process_notificationsOfTwoVersions_oneResultSetPerVersionAndRedeliveryIsADuplicate() throws Exception {
        String key = "logs/car 1.csv";
        String first = s3.put(bucket, key, "a\nb\nc\n");
        JobOutcome firstOutcome = processOne(notification(key, first));
        String second = s3.put(bucket, key, "d\ne\nf\ng\nh\n");
        JobOutcome secondOutcome = processOne(notification(key, second));
        List<String> resultVersionsBefore = s3.versions(bucket, "results/");
        JobOutcome redelivered = processOne(notification(key, first));

        assertNotEquals(first, second, "S3 gives each write its own version");
        ResultPrefix firstResults = committedAt(firstOutcome, key, first);
        ResultPrefix secondResults = committedAt(secondOutcome, key, second);
        assertNotEquals(firstResults, secondResults);
        assertEquals(new JobOutcome.Duplicate(((JobOutcome.Committed) firstOutcome).job(), firstResults), redelivered);
        assertEquals(resultVersionsBefore, s3.versions(bucket, "results/"),
                "a duplicate writes nothing: in a versioned bucket even an identical overwrite adds a version");
        assertEquals(3, points(firstResults), "the first version's results are still its own");
        assertEquals(5, points(secondResults));
        assertEquals(first, manifest(firstResults).path("input").path("version_id").asText());
        assertEquals(second, manifest(secondResults).path("input").path("version_id").asText());
        assertEquals(6, resultVersionsBefore.size(), "two result sets of lines.txt, summary.json, manifest.json, each written once");
    }

    @Test
    void process_directJobWithoutVersion_namesTheResultsAfterTheCurrentVersion() throws Exception {
        String key = "logs/car 2.csv";
        s3.put(bucket, key, "old\n");
        String current = s3.put(bucket, key, "new\nnewer\n");

        JobOutcome direct = processOne(directJob(key));
        JobOutcome notified = processOne(notification(key, current));

        ResultPrefix results = committedAt(direct, key, current);
        assertEquals(2, points(results), "the current version was read");
        assertEquals(new JobOutcome.Duplicate(((JobOutcome.Duplicate) notified).job(), results), notified,
                "the notification of the same version finds the direct job's results");
    }

    @Test
    void process_notificationOfAnOldVersion_readsThatVersionsBytesNotTheNewest() throws Exception {
        String small = "logs/small.csv";
        String smallOld = s3.put(bucket, small, "old 1\nold 2\n");
        s3.put(bucket, small, "new 1\nnew 2\nnew 3\n");
        String large = "logs/large.csv";
        String largeOld = s3.put(bucket, large, lines("old", 300_000)); // about 3.4 MiB: 4 ranged GETs
        s3.put(bucket, large, lines("new", 200_000));

        ResultPrefix smallResults = committedAt(processOne(notification(small, smallOld)), small, smallOld);
        ResultPrefix largeResults = committedAt(processOne(notification(large, largeOld)), large, largeOld);

        assertEquals("1: old 1\n2: old 2\n", s3.get(bucket, smallResults.keyOf("lines.txt")));
        assertEquals(300_000, points(largeResults));
        String largeLines = s3.get(bucket, largeResults.keyOf("lines.txt"));
        assertTrue(largeLines.startsWith("1: old 0000000\n") && largeLines.endsWith("300000: old 0299999\n"),
                "every ranged GET read the old version");
    }

    @Test
    void process_versionThatDoesNotExist_refusedWithoutARecordAndTheExistingVersionAnalysed() throws Exception {
        // A version deleted before its job runs: S3Mock still serves a version deleted by id, so a version
        // id it never gave stands for it (S3 answers both with 404).
        String key = "logs/car 3.csv";
        String current = s3.put(bucket, key, "b\nc\n");
        String gone = UUID.randomUUID().toString();

        JobOutcome refused = processOne(notification(key, gone));
        JobOutcome redelivered = processOne(notification(key, gone));
        JobOutcome currentOutcome = processOne(notification(key, current));

        ResultPrefix goneAt = pipeline.runner().layout().prefixFor(bucket, key, "v:" + gone);
        assertTrue(assertInstanceOf(JobOutcome.Refused.class, refused).reason().contains("does not exist"), refused.toString());
        assertInstanceOf(JobOutcome.Refused.class, redelivered, "nothing was recorded, so the refusal repeats");
        assertFalse(pipeline.store().exists(bucket, goneAt.manifestKey()), "no record for a version never read");
        assertEquals(2, points(committedAt(currentOutcome, key, current)), "the existing version is analysed");
    }

    @Test
    void process_versionOfAnObjectDeletedSinceThen_stillAnalysesThatVersion() throws Exception {
        String key = "logs/car 4.csv";
        String version = s3.put(bucket, key, "a\nb\n");
        s3.client().deleteObject(b -> b.bucket(bucket).key(key)); // a delete marker; the version stays

        JobOutcome outcome = processOne(notification(key, version));

        assertEquals(2, points(committedAt(outcome, key, version)));
    }

    @Test
    void reconcile_versionedBucket_enqueuesExactlyTheCurrentVersionsWithoutResults() throws Exception {
        String committed = "logs/committed.csv";
        String committedVersion = s3.put(bucket, committed, "a\n");
        committedAt(processOne(notification(committed, committedVersion)), committed, committedVersion);
        String overwritten = "logs/overwritten.csv";
        String overwrittenOld = s3.put(bucket, overwritten, "a\n");
        committedAt(processOne(notification(overwritten, overwrittenOld)), overwritten, overwrittenOld);
        String overwrittenNew = s3.put(bucket, overwritten, "b\nc\n"); // its notification lost
        String neverNotified = "logs/never notified.csv";
        String neverNotifiedVersion = s3.put(bucket, neverNotified, "a\nb\nc\n");
        String deleted = "logs/deleted.csv";
        s3.put(bucket, deleted, "a\n");
        s3.client().deleteObject(b -> b.bucket(bucket).key(deleted)); // current version: a delete marker

        CollectedJobs firstPass = new CollectedJobs();
        ReconcileCounts first = reconciler().run(new S3Uri(bucket, "logs/"), null, firstPass, Progress.silent());

        // S3 leaves a key whose current version is a delete marker out of the listing; S3Mock lists it, and
        // the reconciler's HEAD (404) then skips it as an input deleted since the listing: listed 4 here, 3 on S3.
        assertEquals(2, first.missing(), "the committed log is not missing, nor the deleted one");
        assertEquals(0, first.enqueued());
        assertEquals(List.of(
                new Job(bucket, neverNotified, neverNotifiedVersion, firstPass.jobs.get(0).eTag(), 6),
                new Job(bucket, overwritten, overwrittenNew, firstPass.jobs.get(1).eTag(), 4)), firstPass.jobs,
                "each missing input enqueued once, naming its current version");
        List<QueueMessage> batch = new ArrayList<>();
        for (Job job : firstPass.jobs) {
            batch.add(new QueueMessage("m-" + batch.size(), directJob(job), 1));
        }
        BatchResult processed = pipeline.processor().process(batch, TimeBudget.unlimited(), LogContext.forRequest("r", null));
        assertEquals(3, points(committedAt(processed.messages().get(0).outcomes().getFirst(), neverNotified,
                neverNotifiedVersion)));
        assertEquals(2, points(committedAt(processed.messages().get(1).outcomes().getFirst(), overwritten, overwrittenNew)));

        CollectedJobs secondPass = new CollectedJobs();
        ReconcileCounts second = reconciler().run(new S3Uri(bucket, "logs/"), null, secondPass, Progress.silent());

        assertEquals(new ReconcileCounts(first.listed(), 0, 0), second);
        assertEquals(List.of(), secondPass.jobs);
    }

    @Test
    void processAndReconcile_suspendedBucketOverwritesTheNullVersion_everyContentAnalysedOnce() throws Exception {
        // S3 names objects written while versioning is suspended "null" and replaces that version in place.
        s3.setVersioning(bucket, BucketVersioningStatus.SUSPENDED);
        try (NullVersionLayer nullVersions = new NullVersionLayer();
                Pipeline suspended = new Pipeline(PipelineSettings.load(Map.of()),
                        s3.connection().withHttpLayer(nullVersions::wrap), new LineCountAnalysis(), "line-count-1", QUIET,
                        "test")) {
            String key = "logs/car 5.csv";
            s3.put(bucket, key, "a\n");
            JobOutcome first = processOne(suspended, notification(key, "null"));
            s3.put(bucket, key, "b\nc\n");
            JobOutcome second = processOne(suspended, notification(key, "null"));
            JobOutcome redelivered = processOne(suspended, notification(key, "null"));

            ResultPrefix firstResults = assertInstanceOf(JobOutcome.Committed.class, first, () -> "outcome " + first).results();
            ResultPrefix secondResults = assertInstanceOf(JobOutcome.Committed.class, second,
                    () -> "the second content must be analysed, not taken for a duplicate of the first: " + second).results();
            assertNotEquals(firstResults, secondResults);
            assertEquals(1, points(firstResults));
            assertEquals(2, points(secondResults));
            assertEquals(new JobOutcome.Duplicate(((JobOutcome.Committed) second).job(), secondResults), redelivered);

            s3.put(bucket, key, "d\ne\nf\n"); // its notification lost
            Reconciler reconciler = new Reconciler(suspended.store(), suspended.runner().layout(), 4);
            CollectedJobs firstPass = new CollectedJobs();
            ReconcileCounts missing = reconciler.run(new S3Uri(bucket, "logs/"), null, firstPass, Progress.silent());
            assertEquals(new ReconcileCounts(1, 1, 0), missing, "the third content has no results yet");
            JobOutcome reconciled = processOne(suspended, directJob(firstPass.jobs.getFirst()));
            assertEquals(3, points(assertInstanceOf(JobOutcome.Committed.class, reconciled, () -> "outcome " + reconciled)
                    .results()));
            assertEquals(new ReconcileCounts(1, 0, 0),
                    reconciler.run(new S3Uri(bucket, "logs/"), null, new CollectedJobs(), Progress.silent()));
        }
    }

    private Reconciler reconciler() {
        return new Reconciler(pipeline.store(), pipeline.runner().layout(), 4);
    }

    /** Runs one message through the batch processor and returns its only job's outcome. */
    private JobOutcome processOne(String body) {
        return processOne(pipeline, body);
    }

    private static JobOutcome processOne(Pipeline pipeline, String body) {
        BatchResult result = pipeline.processor().process(List.of(new QueueMessage("m", body, 1)), TimeBudget.unlimited(),
                LogContext.forRequest("r", null));
        return result.messages().getFirst().outcomes().getFirst();
    }

    /** Asserts that {@code outcome} committed results where the layout puts {@code version}'s; returns them. */
    private ResultPrefix committedAt(JobOutcome outcome, String key, String version) {
        ResultLayout layout = pipeline.runner().layout();
        ResultPrefix expected = layout.prefixFor(bucket, key, "v:" + version);
        JobOutcome.Committed committed = assertInstanceOf(JobOutcome.Committed.class, outcome, () -> "outcome " + outcome);
        assertEquals(expected, committed.results(), "results named after the version id");
        assertEquals("ok", manifest(expected).path("status").asText());
        return expected;
    }

    private JsonNode manifest(ResultPrefix results) {
        return readJson(results.manifestKey());
    }

    private long points(ResultPrefix results) {
        return readJson(results.keyOf("summary.json")).path("points").asLong();
    }

    private JsonNode readJson(String key) {
        try {
            return JSON.readTree(s3.get(bucket, key));
        } catch (IOException e) {
            throw new AssertionError("s3://" + bucket + "/" + key + " is not JSON", e);
        }
    }

    /** An S3 event notification as a versioned bucket sends it: the key form-URL-encoded, with versionId. */
    private String notification(String key, String versionId) {
        ObjectNode record = JSON.createObjectNode().put("eventSource", "aws:s3").put("eventName", "ObjectCreated:Put");
        ObjectNode object = record.putObject("s3").put("s3SchemaVersion", "1.0");
        ((ObjectNode) record.get("s3")).putObject("bucket").put("name", bucket);
        object.putObject("object").put("key", URLEncoder.encode(key, StandardCharsets.UTF_8))
                .put("versionId", versionId);
        ObjectNode body = JSON.createObjectNode();
        body.putArray("Records").add(record);
        return body.toString();
    }

    private String directJob(String key) {
        return JSON.createObjectNode().put("bucket", bucket).put("key", key).toString();
    }

    private static String directJob(Job job) {
        ObjectNode body = JSON.createObjectNode().put("bucket", job.bucket()).put("key", job.key());
        if (job.versionId() != null) {
            body.put("versionId", job.versionId());
        }
        return body.toString();
    }

    private static String lines(String prefix, int count) {
        StringBuilder text = new StringBuilder(count * 12);
        for (int i = 0; i < count; i++) {
            text.append(prefix).append(' ').append(String.format("%07d", i)).append('\n');
        }
        return text.toString();
    }

    /** A reconcile sink that keeps the jobs, as a dry run would print them. */
    private static final class CollectedJobs implements MissingInputSink {
        final List<Job> jobs = new ArrayList<>();

        @Override
        public synchronized void accept(Job job) {
            jobs.add(job);
        }

        @Override
        public long delivered() {
            return 0;
        }
    }
}
