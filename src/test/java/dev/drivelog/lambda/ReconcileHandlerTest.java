package dev.drivelog.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.demo.EmbeddedSqs;
import dev.drivelog.job.Job;
import dev.drivelog.job.LineCountAnalysis;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.job.TimeBudget;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.observability.LogContext;
import dev.drivelog.queue.BatchResult;
import dev.drivelog.queue.MessageBodyParser;
import dev.drivelog.queue.Pipeline;
import dev.drivelog.queue.QueueMessage;
import dev.drivelog.reconcile.QueueContents;
import dev.drivelog.storage.LocalS3;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The scheduled reconcile function in-process against S3Proxy and ElasticMQ on 127.0.0.1, with some
 * inputs committed beforehand by the real pipeline (same result version as the handler derives).
 */
class ReconcileHandlerTest {
    private static final String BUCKET = "reconcile-fn-test";
    private static final int LOGS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEDULED_EVENT =
            Path.of(System.getProperty("drivelog.repo.dir", "."), "events", "scheduled-reconcile.json");

    private final JsonLog quiet = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), JsonLog.Level.ERROR);
    private final ByteArrayOutputStream handlerLog = new ByteArrayOutputStream();
    private LocalS3 s3;
    private EmbeddedSqs sqsServer;
    private SqsClient sqs;
    private String queueUrl;
    private Pipeline pipeline;

    @BeforeEach
    void start() throws Exception {
        s3 = LocalS3.start();
        s3.createBucket(BUCKET);
        sqsServer = EmbeddedSqs.start();
        sqs = s3.connection().sqsClient(sqsServer.endpoint());
        queueUrl = sqs.createQueue(b -> b.queueName("jobs")).queueUrl();
        pipeline = new Pipeline(PipelineSettings.load(Map.of()), s3.connection(), new LineCountAnalysis(), "line-count-1",
                quiet, "test");
        for (int i = 0; i < LOGS; i++) {
            s3.put(BUCKET, key(i), ("a\nb\nline " + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        s3.put(BUCKET, "elsewhere/not-an-input.csv", "x\n".getBytes(StandardCharsets.UTF_8));
        // Not announced by a notification filtered on ".csv", so not an input either.
        s3.put(BUCKET, "incoming/readme.txt", "x\n".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() throws Exception {
        pipeline.close();
        sqs.close();
        sqsServer.close();
        s3.close();
    }

    private static String key(int i) {
        return String.format("incoming/car-%02d.csv", i);
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("DRIVELOG_ANALYSIS", "line-count");
        environment.put("DRIVELOG_RECONCILE__INPUT", "s3://" + BUCKET + "/incoming/");
        environment.put("DRIVELOG_RECONCILE__INPUT_SUFFIX", ".csv");
        environment.put("DRIVELOG_RECONCILE__QUEUE_URL", queueUrl);
        environment.put("AWS_ENDPOINT_URL_SQS", sqsServer.endpoint().toString());
        // The inputs are seconds old; the default minimum age (60 min) is its own test.
        environment.put("DRIVELOG_RECONCILE__MIN_AGE_MINUTES", "0");
        return environment;
    }

    private ReconcileHandler handler(Clock clock) {
        return handler(environment(), clock);
    }

    private ReconcileHandler handler(Map<String, String> environment, Clock clock) {
        JsonLog log = new JsonLog(new PrintStream(handlerLog, true, StandardCharsets.UTF_8), JsonLog.Level.INFO);
        return new ReconcileHandler(environment, s3.connection(), log, clock);
    }

    private static JsonNode invoke(ReconcileHandler handler, byte[] event, Context context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, context);
        return JSON.readTree(out.toByteArray());
    }

    private static byte[] scheduledEvent() throws IOException {
        return Files.readAllBytes(SCHEDULED_EVENT);
    }

    private static Context plentyOfTime() {
        return TestContext.withRemainingMillis("r-plenty", 120_000);
    }

    /** Commits logs through the pipeline as if their notifications had arrived. */
    private void commit(List<String> keys) {
        List<QueueMessage> batch = new ArrayList<>();
        for (String k : keys) {
            batch.add(new QueueMessage("m-" + k, "{\"bucket\":\"" + BUCKET + "\",\"key\":\"" + k + "\"}", 1));
        }
        BatchResult result = pipeline.processor().process(batch, TimeBudget.unlimited(), LogContext.forRequest("commit", null));
        assertEquals(List.of(), result.failedMessageIds());
    }

    /** The keys of the jobs in the queue (each message read once), in order, duplicates kept. */
    private List<String> enqueuedKeys() {
        MessageBodyParser parser = new MessageBodyParser();
        List<String> keys = new ArrayList<>();
        for (Message message : QueueContents.receiveAll(sqs, queueUrl)) {
            Job job = parser.parse(message.body()).jobs().getFirst();
            assertEquals(BUCKET, job.bucket());
            keys.add(job.key());
        }
        keys.sort(null);
        return keys;
    }

    private static List<String> keys(int... indexes) {
        List<String> keys = new ArrayList<>();
        for (int i : indexes) {
            keys.add(key(i));
        }
        return keys;
    }

    @Test
    void handleRequest_scheduledEventSomeInputsCommitted_enqueuesExactlyTheMissingOnes() throws Exception {
        commit(keys(0, 3, 6, 9));

        try (ReconcileHandler handler = handler(Clock.systemUTC())) {
            JsonNode result = invoke(handler, scheduledEvent(), plentyOfTime());

            assertEquals(JSON.readTree("{\"listed\":12,\"missing\":8,\"enqueued\":8,\"complete\":true}"), result);
            assertEquals(keys(1, 2, 4, 5, 7, 8, 10, 11), enqueuedKeys());
            JsonNode last = JSON.readTree(handlerLog.toString(StandardCharsets.UTF_8).lines().toList().getLast());
            assertEquals("reconcile pass done", last.get("message").asText());
            assertEquals("r-plenty", last.get("requestId").asText());
            assertEquals(8, last.get("enqueued").asInt());
        }
    }

    @Test
    void handleRequest_enqueuedJobsCommitted_nextPassFindsNothingMissing() throws Exception {
        try (ReconcileHandler handler = handler(Clock.systemUTC())) {
            invoke(handler, scheduledEvent(), plentyOfTime());
            commit(enqueuedKeys());

            JsonNode second = invoke(handler, scheduledEvent(), plentyOfTime());

            assertEquals(JSON.readTree("{\"listed\":12,\"missing\":0,\"enqueued\":0,\"complete\":true}"), second);
            assertEquals(List.of(), enqueuedKeys());
        }
    }

    @Test
    void handleRequest_timeRunsOutAfterFiveKeys_stopsThereAndAPassFromResumeAfterEnqueuesTheRest() throws Exception {
        commit(keys(1, 7));

        try (ReconcileHandler handler = handler(Clock.systemUTC())) {
            // Time for five keys (car-00..04), then less than the reserve.
            JsonNode first = invoke(handler, scheduledEvent(), TestContext.runningOutAfter("r-short", 5, 120_000));

            assertEquals(JSON.readTree("{\"listed\":5,\"missing\":4,\"enqueued\":4,\"complete\":false,\"resume_after\":\""
                    + key(4) + "\"}"), first);
            assertEquals(keys(0, 2, 3, 4), enqueuedKeys());
            assertTrue(handlerLog.toString(StandardCharsets.UTF_8).contains("\"level\":\"WARN\",\"message\":\""
                    + ReconcileHandler.INCOMPLETE_PASS_MESSAGE));

            byte[] resume = JSON.writeValueAsBytes(Map.of("start_after", first.get("resume_after").asText()));
            JsonNode rest = invoke(handler, resume, plentyOfTime());

            assertEquals(JSON.readTree("{\"listed\":7,\"missing\":6,\"enqueued\":6,\"complete\":true}"), rest);
            assertEquals(keys(5, 6, 8, 9, 10, 11), enqueuedKeys(), "each missing log enqueued once over both passes");
        }
    }

    @Test
    void handleRequest_lessTimeThanTheReserve_listsNothingAndResumesFromTheStart() throws Exception {
        try (ReconcileHandler handler = handler(Clock.systemUTC())) {
            // The default reserve is 10 s.
            JsonNode result = invoke(handler, scheduledEvent(), TestContext.withRemainingMillis("r-late", 5_000));

            assertEquals(JSON.readTree("{\"listed\":0,\"missing\":0,\"enqueued\":0,\"complete\":false,\"resume_after\":\"\"}"),
                    result);
            assertEquals(List.of(), enqueuedKeys());
        }
    }

    @Test
    void handleRequest_inputsOlderThanTheLookBack_notListedUnlessTheEventReachesFurtherBack() throws Exception {
        Instant now = Instant.now();
        Clock oneDayLater = Clock.fixed(now.plus(Duration.ofDays(1)), ZoneOffset.UTC);
        try (ReconcileHandler handler = handler(oneDayLater)) {
            JsonNode scheduled = invoke(handler, scheduledEvent(), plentyOfTime());
            byte[] sinceYesterday = JSON.writeValueAsBytes(Map.of("since", now.minus(Duration.ofHours(1)).toString()));
            JsonNode manual = invoke(handler, sinceYesterday, plentyOfTime());

            assertEquals(JSON.readTree("{\"listed\":0,\"missing\":0,\"enqueued\":0,\"complete\":true}"), scheduled,
                    "the default look-back is 3 h");
            assertEquals(JSON.readTree("{\"listed\":12,\"missing\":12,\"enqueued\":12,\"complete\":true}"), manual);
            assertEquals(12, enqueuedKeys().size());
        }
    }

    @Test
    void handleRequest_inputsYoungerThanTheMinimumAge_leftForTheirNotifications() throws Exception {
        Map<String, String> environment = environment();
        environment.remove("DRIVELOG_RECONCILE__MIN_AGE_MINUTES");
        try (ReconcileHandler defaultAge = handler(environment, Clock.systemUTC());
                ReconcileHandler twoHoursLater = handler(environment, Clock.fixed(Instant.now().plus(Duration.ofHours(2)),
                        ZoneOffset.UTC))) {
            JsonNode now = invoke(defaultAge, scheduledEvent(), plentyOfTime());
            JsonNode later = invoke(twoHoursLater, scheduledEvent(), plentyOfTime());

            assertEquals(0, now.get("listed").asInt(), "seconds-old inputs are younger than the default 60 min");
            assertEquals(12, later.get("listed").asInt(), "two hours later they are between 60 min and 3 h old");
        }
    }

    @Test
    void handleRequest_notAJsonObjectOrFieldsOfTheWrongForm_failsTheInvocationNamingTheField() throws Exception {
        try (ReconcileHandler handler = handler(Clock.systemUTC())) {
            IOException array = assertThrows(IOException.class,
                    () -> invoke(handler, "[]".getBytes(StandardCharsets.UTF_8), plentyOfTime()));
            IOException number = assertThrows(IOException.class,
                    () -> invoke(handler, "{\"start_after\":7}".getBytes(StandardCharsets.UTF_8), plentyOfTime()));
            IOException since = assertThrows(IOException.class,
                    () -> invoke(handler, "{\"since\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8), plentyOfTime()));

            assertTrue(array.getMessage().contains("expected a JSON object"), array.getMessage());
            assertTrue(number.getMessage().contains("start_after must be a key"), number.getMessage());
            assertTrue(since.getMessage().contains("since must be an instant"), since.getMessage());
            assertEquals(List.of(), enqueuedKeys());
        }
    }

    @Test
    void constructor_withoutQueueUrl_refusesToStartNamingTheVariable() {
        Map<String, String> environment = environment();
        environment.remove("DRIVELOG_RECONCILE__QUEUE_URL");

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new ReconcileHandler(environment, s3.connection(), quiet, Clock.systemUTC()));

        assertTrue(refused.getMessage().contains("DRIVELOG_RECONCILE__QUEUE_URL"), refused.getMessage());
    }

    @Test
    void constructor_inputNotAnS3Location_refusedNamingTheKey() {
        Map<String, String> environment = environment();
        environment.put("DRIVELOG_RECONCILE__INPUT", "/data/incoming");

        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> new ReconcileHandler(environment, s3.connection(), quiet, Clock.systemUTC()));

        assertTrue(refused.getMessage().contains("reconcile.input") && refused.getMessage().contains("DRIVELOG_RECONCILE__INPUT"),
                refused.getMessage());
        assertFalse(refused.getMessage().isBlank());
    }
}
