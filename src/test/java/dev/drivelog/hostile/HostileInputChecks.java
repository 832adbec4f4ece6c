package dev.drivelog.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.job.JobOutcome;
import dev.drivelog.job.InputAnalysis;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.job.TimeBudget;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.observability.LogContext;
import dev.drivelog.queue.BatchResult;
import dev.drivelog.queue.MessageResult;
import dev.drivelog.queue.Pipeline;
import dev.drivelog.queue.QueueMessage;
import dev.drivelog.storage.LocalS3;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The hostile-input corpus through the pipeline (message parsing, job runner, the real log reader
 * with its configured limits, result writers, S3 commit) against S3Proxy on 127.0.0.1, with the
 * engine a subclass provides: what is under test is that no input crashes, loops or is retried.
 * {@link HostileInputTest} runs it with a stand-in engine, {@link HostileInputNativeTest} with the
 * real one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileInputChecks {
    static final String BUCKET = "hostile";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonLog quiet = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), JsonLog.Level.ERROR);
    private final HostileCorpus corpus = new HostileCorpus(BUCKET);
    private LocalS3 s3;
    private Pipeline pipeline;

    /** The analysis under test, opened once for the class; the pipeline does not close it. */
    abstract InputAnalysis openAnalysis() throws Exception;

    /** Result-version stand-in for result keys. */
    abstract String engineVersion();

    /**
     * Called once after all objects ran, with the engine's totals over the committed inputs and the
     * failed trips' summary entries; a subclass asserts what its engine promises.
     */
    void checkEngineTotals(long trips, long failedTrips, List<JsonNode> failedTripEntries, String report) {
    }

    @BeforeAll
    void start() throws Exception {
        s3 = LocalS3.start();
        s3.createBucket(BUCKET);
        PipelineSettings settings = PipelineSettings.load(Map.of());
        pipeline = new Pipeline(settings, s3.connection(), openAnalysis(), engineVersion(), quiet, "hostile-test");
    }

    @AfterAll
    void stop() throws Exception {
        pipeline.close();
        s3.close();
    }

    private BatchResult process(List<QueueMessage> messages) {
        return pipeline.processor().process(messages, TimeBudget.unlimited(), LogContext.forRequest("hostile", null));
    }

    private static String jobBody(String key) {
        return JSON.createObjectNode().put("bucket", BUCKET).put("key", key).toString();
    }

    @Test
    void process_hostileObjects_eachEndsCommittedOrRejectedWithAReasonNeverRetriedAndRedeliveryIsDuplicate() throws Exception {
        List<HostileCorpus.Input> inputs = corpus.inputs();
        Map<String, String> kindOfKey = new LinkedHashMap<>();
        List<String> refusedAtUpload = new ArrayList<>();
        for (HostileCorpus.Input input : inputs) {
            try {
                s3.put(BUCKET, input.key(), input.content());
            } catch (S3Exception e) {
                // The local server cannot store this key; a job naming it must still end rejected, not retried.
                assertEquals(400, e.statusCode(), input.key());
                refusedAtUpload.add(input.key());
            }
            kindOfKey.put(input.key(), input.kind());
        }
        uploadHugeLine();
        kindOfKey.put(HostileCorpus.HUGE_LINE_KEY, "100 MB single line");
        assertTrue(kindOfKey.size() >= 170, "object corpus size " + kindOfKey.size());

        int rejected = 0;
        int committed = 0;
        long engineTrips = 0;
        long failedTrips = 0;
        List<JsonNode> failedTripEntries = new ArrayList<>();
        List<String> keys = new ArrayList<>(kindOfKey.keySet());
        for (int from = 0; from < keys.size(); from += 10) {
            List<QueueMessage> batch = new ArrayList<>();
            for (String key : keys.subList(from, Math.min(keys.size(), from + 10))) {
                batch.add(new QueueMessage("m-" + batch.size(), jobBody(key), 1));
            }
            BatchResult result = process(batch);
            assertEquals(List.of(), result.failedMessageIds(), "retried: " + result.messages());
            for (MessageResult message : result.messages()) {
                assertEquals(1, message.outcomes().size(), message.toString());
                switch (message.outcomes().getFirst()) {
                    case JobOutcome.Rejected r -> {
                        rejected++;
                        assertFalse(r.reason().isBlank(), r.toString());
                        assertManifest(r.results().bucket(), r.results().manifestKey(), "rejected");
                    }
                    case JobOutcome.Committed c -> {
                        committed++;
                        assertManifest(c.results().bucket(), c.results().manifestKey(), "ok");
                        engineTrips += c.report().trips();
                        failedTrips += c.report().failedTrips();
                        if (c.report().failedTrips() > 0) {
                            failedTripEntries.addAll(failedTrips(c.results().bucket(), c.results().keyOf("summary.json")));
                        }
                    }
                    case JobOutcome.Refused r -> {
                        // Never read (S3 refuses the key, 400): nothing is recorded, the refusal repeats on redelivery.
                        rejected++;
                        assertFalse(r.reason().isBlank(), r.toString());
                    }
                    case JobOutcome.Ignored i -> assertTrue(i.job().key().startsWith("results/"), i.toString());
                    default -> throw new AssertionError(kindOfKey.get(message.outcomes().getFirst().job().key())
                            + ": expected committed, rejected or refused, got " + message.outcomes().getFirst());
                }
            }
            BatchResult again = process(batch);
            for (MessageResult message : again.messages()) {
                JobOutcome outcome = message.outcomes().getFirst();
                assertTrue(outcome instanceof JobOutcome.Duplicate || outcome instanceof JobOutcome.Ignored
                        || outcome instanceof JobOutcome.Refused, "redelivery must be a duplicate (or refused again): " + outcome);
            }
        }
        assertTrue(rejected > 0 && committed > 0, "rejected " + rejected + ", committed " + committed);
        String report = "objects " + keys.size() + ": committed (cleaned) " + committed + ", rejected " + rejected
                + ", keys the server refused at upload " + refusedAtUpload;
        assertEquals(keys.size(), committed + rejected, report);
        checkEngineTotals(engineTrips, failedTrips, failedTripEntries, report + "; trips analysed " + engineTrips
                + ", failed trips " + failedTrips);
    }

    @Test
    void process_malformedBodiesAndNotifications_eachAcknowledgedOrRejectedNeverRetried() {
        List<HostileCorpus.Body> bodies = corpus.bodies();
        assertTrue(bodies.size() >= 60, "body corpus size " + bodies.size());
        for (HostileCorpus.Body body : bodies) {
            BatchResult result = process(List.of(new QueueMessage("m", body.body(), 1)));
            MessageResult message = result.messages().getFirst();
            String excerpt = body.body().substring(0, Math.min(80, body.body().length()));
            assertFalse(message.retry(), body.kind() + " retried: " + excerpt + " -> " + message);
            for (JobOutcome outcome : message.outcomes()) {
                assertTrue(outcome instanceof JobOutcome.Rejected || outcome instanceof JobOutcome.Refused
                        || outcome instanceof JobOutcome.Duplicate || outcome instanceof JobOutcome.Ignored,
                        body.kind() + ": " + excerpt + " -> " + outcome);
            }
        }
    }

    private List<JsonNode> failedTrips(String bucket, String summaryKey) throws IOException {
        List<JsonNode> failed = new ArrayList<>();
        for (JsonNode trip : JSON.readTree(s3.get(bucket, summaryKey)).path("trips")) {
            if ("failed".equals(trip.path("status").asText())) {
                failed.add(trip);
            }
        }
        return failed;
    }

    private void assertManifest(String bucket, String key, String status) throws IOException {
        JsonNode manifest = JSON.readTree(s3.get(bucket, key));
        assertEquals(status, manifest.path("status").asText(), manifest.toString());
    }

    private void uploadHugeLine() {
        byte[] header = "time,lat,lon,speed,vehicle_id\n2026-11-21T08:00:00Z,52.5,13.4,10,".getBytes(StandardCharsets.UTF_8);
        long length = header.length + HostileCorpus.HUGE_LINE_BYTES;
        RequestBody body = RequestBody.fromContentProvider(() -> new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= length) {
                    return -1;
                }
                int b = position < header.length ? header[(int) position] : 'x';
                position++;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (position >= length) {
                    return -1;
                }
                int n = (int) Math.min(count, length - position);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = position + i < header.length ? header[(int) (position + i)] : (byte) 'x';
                }
                position += n;
                return n;
            }
        }, length, "text/csv");
        s3.client().putObject(b -> b.bucket(BUCKET).key(HostileCorpus.HUGE_LINE_KEY), body);
    }
}
