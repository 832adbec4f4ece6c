package dev.drivelog.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.job.InputAnalysis;
import dev.drivelog.job.InputReport;
import dev.drivelog.job.JobOutcome;
import dev.drivelog.job.LineCountAnalysis;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.job.TimeBudget;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.observability.LogContext;
import dev.drivelog.storage.LocalS3;
import dev.drivelog.storage.S3Connection;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exactly-once effects and transfers of the batch processor against S3Proxy on 127.0.0.1. */
class BatchProcessorTest {
    private static final String BUCKET = "batch-test";
    private static final int MIB = 1024 * 1024;
    private LocalS3 s3;
    private final JsonLog log = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), JsonLog.Level.ERROR);

    @BeforeEach
    void start() throws Exception {
        s3 = LocalS3.start();
        s3.createBucket(BUCKET);
    }

    @AfterEach
    void stop() throws Exception {
        s3.close();
    }

    private Pipeline pipeline(InputAnalysis analysis, Map<String, String> environment) {
        return new Pipeline(PipelineSettings.load(environment), s3.connection(), analysis, "line-count-1", log, "test");
    }

    private static QueueMessage direct(String id, String key) {
        return new QueueMessage(id, "{\"bucket\":\"" + BUCKET + "\",\"key\":\"" + key + "\"}", 1);
    }

    private static BatchResult run(Pipeline pipeline, QueueMessage... messages) {
        return pipeline.processor().process(List.of(messages), TimeBudget.unlimited(), LogContext.forRequest("r-1", null));
    }

    private List<String> manifests() {
        return s3.keys(BUCKET, "results/").stream().filter(k -> k.endsWith("manifest.json")).toList();
    }

    @Test
    void process_concurrentDuplicatesInTwoContainers_oneResultSetOneCommitOneDuplicate() throws Exception {
        s3.put(BUCKET, "logs/dup.csv", "a\nviolation stop_sign\n".getBytes(StandardCharsets.UTF_8));
        // Both analyses must be running at once: each has passed the "manifest exists?" check.
        CyclicBarrier bothAnalysing = new CyclicBarrier(2);
        InputAnalysis meetThenCount = (name, input, sink) -> {
            try {
                bothAnalysing.await();
            } catch (Exception e) {
                throw new IOException(e);
            }
            return new LineCountAnalysis().analyze(name, input, sink);
        };
        try (Pipeline first = pipeline(meetThenCount, Map.of()); Pipeline second = pipeline(meetThenCount, Map.of());
                ExecutorService containers = Executors.newFixedThreadPool(2)) {
            Future<BatchResult> a = containers.submit(() -> run(first, direct("m-1", "logs/dup.csv")));
            Future<BatchResult> b = containers.submit(() -> run(second, direct("m-1", "logs/dup.csv")));
            List<JobOutcome> outcomes = List.of(a.get().messages().getFirst().outcomes().getFirst(),
                    b.get().messages().getFirst().outcomes().getFirst());

            assertEquals(1, outcomes.stream().filter(o -> o instanceof JobOutcome.Committed).count(), outcomes.toString());
            assertEquals(1, outcomes.stream().filter(o -> o instanceof JobOutcome.Duplicate).count(), outcomes.toString());
            assertTrue(a.get().failedMessageIds().isEmpty() && b.get().failedMessageIds().isEmpty());
            assertEquals(1, manifests().size());
        }
    }

    @Test
    void process_outputLargerThanPartSize_streamedAsMultipartUpload() throws IOException {
        int size = 12 * MIB + 5;
        s3.put(BUCKET, "logs/big.csv", ("big " + size + "\n").getBytes(StandardCharsets.UTF_8));
        try (Pipeline pipeline = pipeline(new LineCountAnalysis(), Map.of("DRIVELOG_PIPELINE__UPLOAD_PART_SIZE_MIB", "5"))) {
            JobOutcome outcome = run(pipeline, direct("m-1", "logs/big.csv")).messages().getFirst().outcomes().getFirst();

            JobOutcome.Committed committed = assertInstanceOf(JobOutcome.Committed.class, outcome);
            assertEquals(size, committed.outputBytes().get("big.bin"));
            byte[] big = s3.get(BUCKET, committed.results().keyOf("big.bin"));
            assertEquals(size, big.length);
            assertEquals('a' + (size - 1) % (64 * 1024) % 26, big[size - 1]);
            assertTrue(s3.multipartUploads(BUCKET).isEmpty());
        }
    }

    @Test
    void process_analysisFailsAfterWritingParts_noObjectNoOrphanedPartsNoManifest() {
        s3.put(BUCKET, "logs/breaks.csv", ("fail-after-big " + (11 * MIB) + "\n").getBytes(StandardCharsets.UTF_8));
        try (Pipeline pipeline = pipeline(new LineCountAnalysis(), Map.of("DRIVELOG_PIPELINE__UPLOAD_PART_SIZE_MIB", "5"))) {
            BatchResult result = run(pipeline, direct("m-1", "logs/breaks.csv"));

            assertEquals(List.of("m-1"), result.failedMessageIds());
            assertEquals(List.of(), s3.keys(BUCKET, "results/"));
            assertTrue(s3.multipartUploads(BUCKET).isEmpty());
        }
    }

    @Test
    void process_rejectedInput_errorManifestThenRedeliveryIsDuplicate() throws IOException {
        s3.put(BUCKET, "logs/garbage.csv", "x\nreject\n".getBytes(StandardCharsets.UTF_8));
        try (Pipeline pipeline = pipeline(new LineCountAnalysis(), Map.of())) {
            BatchResult first = run(pipeline, direct("m-1", "logs/garbage.csv"));
            BatchResult second = run(pipeline, direct("m-1", "logs/garbage.csv"));

            assertTrue(first.failedMessageIds().isEmpty());
            JobOutcome.Rejected rejected = assertInstanceOf(JobOutcome.Rejected.class,
                    first.messages().getFirst().outcomes().getFirst());
            assertTrue(rejected.reason().contains("line 2"), rejected.reason());
            assertInstanceOf(JobOutcome.Duplicate.class, second.messages().getFirst().outcomes().getFirst());
            String manifest = new String(s3.get(BUCKET, rejected.results().manifestKey()), StandardCharsets.UTF_8);
            assertTrue(manifest.contains("\"status\" : \"rejected\""), manifest);
            assertFalse(s3.keys(BUCKET, rejected.results().prefix()).contains(rejected.results().keyOf("lines.txt")));
        }
    }

    @Test
    void process_inputOverSizeLimit_refusedWithoutReadingAndAnalysedOnceTheLimitAllowsIt() {
        s3.put(BUCKET, "logs/huge.csv", new byte[2 * MIB]);
        try (Pipeline pipeline = pipeline(new LineCountAnalysis(), Map.of("DRIVELOG_PIPELINE__MAX_INPUT_MIB", "1"))) {
            JobOutcome outcome = run(pipeline, direct("m-1", "logs/huge.csv")).messages().getFirst().outcomes().getFirst();
            JobOutcome.Refused refused = assertInstanceOf(JobOutcome.Refused.class, outcome);
            assertTrue(refused.reason().contains("pipeline.max_input_mib"), refused.reason());
            assertEquals(List.of(), manifests(), "never read: no record that would stand in the way later");
        }
        try (Pipeline raised = pipeline(new LineCountAnalysis(), Map.of("DRIVELOG_PIPELINE__MAX_INPUT_MIB", "4"))) {
            JobOutcome outcome = run(raised, direct("m-1", "logs/huge.csv")).messages().getFirst().outcomes().getFirst();
            assertInstanceOf(JobOutcome.Committed.class, outcome);
        }
    }

    @Test
    void process_hostileKey_resultsStayUnderPrefix() {
        // Keys with a real "../" or NUL are refused by the local server's HTTP layer; ResultLayoutTest covers those.
        String key = "logs/%2e%2e/%00/ü ñ+x/" + "k".repeat(900);
        s3.put(BUCKET, key, "a\n".getBytes(StandardCharsets.UTF_8));
        try (Pipeline pipeline = pipeline(new LineCountAnalysis(), Map.of())) {
            String body = "{\"bucket\":\"" + BUCKET + "\",\"key\":\"" + key + "\"}";
            BatchResult result = run(pipeline, new QueueMessage("m-1", body, 1));
            assertInstanceOf(JobOutcome.Committed.class, result.messages().getFirst().outcomes().getFirst());
            List<String> all = s3.keys(BUCKET, "");
            assertEquals(4, all.size(), all.toString());
            assertTrue(all.stream().filter(k -> !k.equals(key)).allMatch(k -> k.matches("results/[A-Za-z0-9._-]+/[a-z.]+")), all.toString());
        }
    }

    @Test
    void process_severalObjectsInOneMessage_allAnalysed() {
        s3.put(BUCKET, "logs/a.csv", "1\n".getBytes(StandardCharsets.UTF_8));
        s3.put(BUCKET, "logs/b.csv", "1\n2\n".getBytes(StandardCharsets.UTF_8));
        try (Pipeline pipeline = pipeline(new LineCountAnalysis(), Map.of())) {
            QueueMessage message = new QueueMessage("m-1", "[{\"bucket\":\"" + BUCKET + "\",\"key\":\"logs/a.csv\"},"
                    + "{\"bucket\":\"" + BUCKET + "\",\"key\":\"logs/b.csv\"}]", 1);
            BatchResult result = run(pipeline, message);
            List<Long> points = result.messages().getFirst().outcomes().stream()
                    .map(o -> ((JobOutcome.Committed) o).report().points()).toList();
            assertEquals(List.of(1L, 2L), points);
        }
    }

    @Test
    void process_largeInput_readWithRangedGetsGivesSameReport() {
        StringBuilder lines = new StringBuilder();
        while (lines.length() < 3 * MIB) {
            lines.append("point ").append(lines.length()).append('\n');
        }
        long expected = lines.chars().filter(c -> c == '\n').count();
        s3.put(BUCKET, "logs/long.csv", lines.toString().getBytes(StandardCharsets.UTF_8));
        try (Pipeline pipeline = pipeline(new LineCountAnalysis(), Map.of("DRIVELOG_PIPELINE__RANGED_DOWNLOAD_MINIMUM_MIB", "1",
                "DRIVELOG_PIPELINE__DOWNLOAD_PART_SIZE_MIB", "1"))) {
            JobOutcome outcome = run(pipeline, direct("m-1", "logs/long.csv")).messages().getFirst().outcomes().getFirst();
            InputReport report = assertInstanceOf(JobOutcome.Committed.class, outcome).report();
            assertEquals(expected, report.points());
        }
    }

    /**
     * {@link LineCountAnalysis}, except that an input containing {@code overflow} recurses until the
     * stack overflows, {@code assert} fails an assertion, and {@code oom} runs out of memory (as thrown).
     */
    private static final InputAnalysis CRASHING = (name, input, sink) -> {
        byte[] content = input.readAllBytes();
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.contains("overflow")) {
            return new InputReport(0, deeper(0), Map.of(), 0, List.of(), List.of());
        }
        if (text.contains("assert")) {
            throw new AssertionError("an invariant of the analysis broke on " + name);
        }
        if (text.contains("oom")) {
            throw new OutOfMemoryError("Java heap space (thrown by the test)");
        }
        return new LineCountAnalysis().analyze(name, new java.io.ByteArrayInputStream(content), sink);
    };

    private static long deeper(long depth) {
        return deeper(depth + 1) + 1;
    }

    @Test
    void process_jobsThrowingErrors_onlyTheirMessagesFailTheOthersCommit() {
        s3.put(BUCKET, "logs/deep.csv", "overflow\n".getBytes(StandardCharsets.UTF_8));
        s3.put(BUCKET, "logs/broken.csv", "assert\n".getBytes(StandardCharsets.UTF_8));
        s3.put(BUCKET, "logs/fine.csv", "a\nb\n".getBytes(StandardCharsets.UTF_8));
        try (Pipeline pipeline = pipeline(CRASHING, Map.of())) {
            BatchResult result = run(pipeline, direct("m-deep", "logs/deep.csv"), direct("m-broken", "logs/broken.csv"),
                    direct("m-fine", "logs/fine.csv"));

            assertEquals(List.of("m-deep", "m-broken"), result.failedMessageIds());
            JobOutcome.Failed overflow = assertInstanceOf(JobOutcome.Failed.class, result.messages().get(0).outcomes().getFirst());
            assertTrue(overflow.reason().contains("StackOverflowError") && overflow.started(), overflow.toString());
            JobOutcome.Failed assertion = assertInstanceOf(JobOutcome.Failed.class, result.messages().get(1).outcomes().getFirst());
            assertTrue(assertion.reason().contains("an invariant of the analysis broke"), assertion.toString());
            assertInstanceOf(JobOutcome.Committed.class, result.messages().get(2).outcomes().getFirst());
            assertEquals(1, manifests().size());
            assertTrue(s3.multipartUploads(BUCKET).isEmpty());
        }
    }

    @Test
    void process_outOfMemory_endsTheBatchSoTheRuntimeReplacesTheContainer() {
        s3.put(BUCKET, "logs/huge.csv", "oom\n".getBytes(StandardCharsets.UTF_8));
        s3.put(BUCKET, "logs/fine.csv", "a\n".getBytes(StandardCharsets.UTF_8));
        try (Pipeline pipeline = pipeline(CRASHING, Map.of())) {
            OutOfMemoryError e = assertThrows(OutOfMemoryError.class,
                    () -> run(pipeline, direct("m-huge", "logs/huge.csv"), direct("m-fine", "logs/fine.csv")));
            assertTrue(e.getMessage().contains("thrown by the test"));
        }
    }

    @Test
    void process_headFailsBeforeAnythingIsRead_failureSaysNotStarted() throws Exception {
        // Nothing listens on a port once its socket is closed: every request fails before any byte of the input.
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        S3Connection nowhere = S3Connection.local(java.net.URI.create("http://127.0.0.1:" + closedPort), "k", "s");
        try (Pipeline pipeline = new Pipeline(PipelineSettings.load(Map.of()), nowhere, new LineCountAnalysis(), "line-count-1",
                log, "test")) {
            JobOutcome outcome = run(pipeline, direct("m-1", "logs/a.csv")).messages().getFirst().outcomes().getFirst();

            JobOutcome.Failed failed = assertInstanceOf(JobOutcome.Failed.class, outcome);
            assertFalse(failed.started(), "the HEAD failed: no read, no upload was begun");
        }
    }
}
