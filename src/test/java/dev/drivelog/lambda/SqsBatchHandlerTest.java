package dev.drivelog.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.job.LineCountAnalysis;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.queue.Pipeline;
import dev.drivelog.storage.LocalS3;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handler in-process, against S3Proxy on 127.0.0.1, fed with real-shaped SQS event fixtures. */
class SqsBatchHandlerTest {
    private static final String BUCKET = "drivelog-test-logs";
    private static final List<String> FIXTURE_KEYS = List.of("logs/fleet a/café drive+1.csv",
            "logs/2026-11-21/truck-7.csv", "logs/2026-11-21/van 3 (köln):morning.csv", "logs/direct/bus-12.csv");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalS3 s3;
    private Pipeline pipeline;
    private ByteArrayOutputStream logBytes;
    private SqsBatchHandler handler;

    @BeforeEach
    void start() throws Exception {
        s3 = LocalS3.start();
        s3.createBucket(BUCKET);
        logBytes = new ByteArrayOutputStream();
        JsonLog log = new JsonLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), JsonLog.Level.DEBUG);
        pipeline = new Pipeline(PipelineSettings.defaultSettings(), s3.connection(), new LineCountAnalysis(), "line-count-1",
                log, "drivelog-test");
        handler = new SqsBatchHandler(pipeline, log);
    }

    @AfterEach
    void stop() throws Exception {
        pipeline.close();
        s3.close();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = SqsBatchHandlerTest.class.getResourceAsStream("/events/" + name)) {
            return in.readAllBytes();
        }
    }

    private JsonNode invoke(byte[] event, long remainingMillis) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out,
                TestContext.withRemainingMillis(UUID.randomUUID().toString(), remainingMillis));
        return JSON.readTree(out.toByteArray());
    }

    private static List<String> failures(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.get("batchItemFailures").forEach(f -> ids.add(f.get("itemIdentifier").asText()));
        return ids;
    }

    private static byte[] sqsEvent(String messageId, String body) throws IOException {
        return JSON.writeValueAsBytes(Map.of("Records", List.of(Map.of("messageId", messageId, "body", body))));
    }

    private static byte[] md5(byte[] content) {
        try {
            return java.security.MessageDigest.getInstance("MD5").digest(content);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> manifests() {
        return s3.keys(BUCKET, "results/").stream().filter(k -> k.endsWith("/manifest.json")).toList();
    }

    private List<JsonNode> logLines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logBytes.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private void uploadFixtureObjects() {
        for (String key : FIXTURE_KEYS) {
            s3.put(BUCKET, key, ("p1\nviolation speeding\np3 " + key + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void handleRequest_mixedBatch_analysesAllThreeShapesAndReportsNoFailures() throws IOException {
        uploadFixtureObjects();
        JsonNode response = invoke(fixture("sqs-mixed-batch.json"), 60_000);

        assertEquals(List.of(), failures(response), "unknown body is permanent, test event is ok");
        assertEquals(4, manifests().size(), manifests().toString());
        for (String manifestKey : manifests()) {
            JsonNode manifest = JSON.readTree(s3.get(BUCKET, manifestKey));
            assertEquals("ok", manifest.get("status").asText());
            assertTrue(FIXTURE_KEYS.contains(manifest.path("input").path("key").asText()), manifest.toString());
            assertEquals(3, manifest.path("report").path("points").asInt());
            String prefix = manifestKey.substring(0, manifestKey.length() - "manifest.json".length());
            JsonNode summary = JSON.readTree(s3.get(BUCKET, prefix + "summary.json"));
            assertEquals(manifest.path("input").path("key").asText(), summary.get("input").asText());
            assertEquals(1, summary.path("violations").path("speeding").asInt());
        }
    }

    @Test
    void handleRequest_mixedBatch_everyJobLogLineCarriesRequestMessageAndKey() throws IOException {
        uploadFixtureObjects();
        invoke(fixture("sqs-mixed-batch.json"), 60_000);

        List<JsonNode> lines = logLines();
        List<JsonNode> analysed = lines.stream().filter(l -> "analysed".equals(l.path("message").asText())).toList();
        assertEquals(4, analysed.size());
        for (JsonNode line : analysed) {
            assertTrue(line.hasNonNull("requestId") && line.hasNonNull("messageId") && line.hasNonNull("objectKey")
                    && line.hasNonNull("timestamp") && "INFO".equals(line.path("level").asText()), line.toString());
        }
        JsonNode unknown = lines.stream().filter(l -> "ERROR".equals(l.path("level").asText())).findFirst().orElseThrow();
        assertEquals("f0e1d2c3-b4a5-4968-8776-655443322110", unknown.path("messageId").asText());
        JsonNode metrics = lines.stream().filter(l -> l.has("_aws")).findFirst().orElseThrow();
        assertEquals(4, metrics.path("Objects").asInt());
        assertEquals(4, metrics.path("Violations").asInt());
        assertEquals("drivelog", metrics.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText());
    }

    @Test
    void handleRequest_sameBatchDeliveredAgain_skipsEverythingAsDuplicates() throws IOException {
        uploadFixtureObjects();
        invoke(fixture("sqs-mixed-batch.json"), 60_000);
        List<String> firstManifests = manifests();
        logBytes.reset();

        JsonNode again = invoke(fixture("sqs-mixed-batch.json"), 60_000);

        assertEquals(List.of(), failures(again));
        assertEquals(firstManifests, manifests());
        JsonNode metrics = logLines().stream().filter(l -> l.has("_aws")).findFirst().orElseThrow();
        assertEquals(4, metrics.path("Duplicates").asInt());
        assertEquals(0, metrics.path("Objects").asInt());
    }

    @Test
    void handleRequest_oneObjectFailsTransiently_onlyItsMessageIsReported() throws IOException {
        uploadFixtureObjects();
        s3.put(BUCKET, "logs/direct/bus-12.csv", "p1\nfail\n".getBytes(StandardCharsets.UTF_8));

        JsonNode response = invoke(fixture("sqs-mixed-batch.json"), 60_000);

        assertEquals(List.of("a7c3e5d2-4f6b-4e8a-9c1d-2b3a4c5d6e7f"), failures(response));
        assertEquals(3, manifests().size());
        assertTrue(s3.multipartUploads(BUCKET).isEmpty());
    }

    @Test
    void handleRequest_objectMissing_refusedNotRetriedAndNothingWritten() throws IOException {
        uploadFixtureObjects();
        s3.client().deleteObject(b -> b.bucket(BUCKET).key("logs/direct/bus-12.csv"));

        JsonNode response = invoke(fixture("sqs-mixed-batch.json"), 60_000);

        assertEquals(List.of(), failures(response));
        assertEquals(3, manifests().size(), "the three present objects only: " + manifests());
        JsonNode refused = logLines().stream().filter(l -> l.path("message").asText().startsWith("refused, not retried"))
                .findFirst().orElseThrow();
        assertTrue(refused.path("message").asText().contains("logs/direct/bus-12.csv does not exist"), refused.toString());
        assertEquals("logs/direct/bus-12.csv", refused.path("objectKey").asText());
    }

    @Test
    void handleRequest_objectMissingThenUploadedWithTheSameETag_analysedOnTheNextNotification() throws IOException {
        byte[] content = "p1\nviolation speeding\n".getBytes(StandardCharsets.UTF_8);
        // S3's notification for an unversioned bucket names the ETag: for a single PUT, the content's MD5.
        String eTag = HexFormat.of().formatHex(md5(content));
        byte[] notification = sqsEvent("m-late", JSON.writeValueAsString(Map.of("Records", List.of(Map.of(
                "eventName", "ObjectCreated:Put", "s3", Map.of("bucket", Map.of("name", BUCKET),
                        "object", Map.of("key", "logs/late.csv", "eTag", eTag, "size", content.length)))))));

        // The notification arrives before the object can be read (or the object was deleted and put back later).
        assertEquals(List.of(), failures(invoke(notification, 60_000)));
        assertEquals(List.of(), manifests(), "nothing read, so nothing may be recorded under this ETag");

        s3.put(BUCKET, "logs/late.csv", content);
        assertEquals(List.of(), failures(invoke(notification, 60_000)));

        JsonNode manifest = JSON.readTree(s3.get(BUCKET, manifests().getFirst()));
        assertEquals("ok", manifest.get("status").asText());
        assertEquals(eTag, manifest.path("input").path("etag").asText());
        assertEquals(2, manifest.path("report").path("points").asInt());
    }

    @Test
    void handleRequest_folderMarker_ignoredNotAnalysedAsAnEmptyLog() throws IOException {
        s3.put(BUCKET, "logs/2026-11-21/", new byte[0]);
        String body = JSON.writeValueAsString(Map.of("bucket", BUCKET, "key", "logs/2026-11-21/"));

        JsonNode response = invoke(sqsEvent("m-folder", body), 60_000);

        assertEquals(List.of(), failures(response));
        assertEquals(List.of(), s3.keys(BUCKET, "results/"));
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("ignored: key ends with '/': a folder marker"));
    }

    @Test
    void handleRequest_applicationLogLevelWarn_metricsLineStillPassesLambdasFilter() throws IOException {
        ByteArrayOutputStream warnOnly = new ByteArrayOutputStream();
        JsonLog log = JsonLog.forLambdaLevel(new PrintStream(warnOnly, true, StandardCharsets.UTF_8), "WARN");
        try (Pipeline quiet = new Pipeline(PipelineSettings.defaultSettings(), s3.connection(), new LineCountAnalysis(),
                "line-count-1", log, "drivelog-test")) {
            uploadFixtureObjects();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new SqsBatchHandler(quiet, log).handleRequest(new ByteArrayInputStream(fixture("sqs-mixed-batch.json")), out,
                    TestContext.withRemainingMillis("r-warn", 60_000));
        }
        JsonNode metrics = null;
        for (String line : warnOnly.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode node = JSON.readTree(line);
            // Lambda's filter: a line without a valid level counts as INFO, and WARN drops INFO.
            assertTrue(List.of("WARN", "ERROR", "FATAL").contains(node.path("level").asText()), "would be dropped: " + line);
            if (node.has("_aws")) {
                metrics = node;
            }
        }
        assertTrue(metrics != null, "the metrics line was written");
        assertEquals(4, metrics.path("Objects").asInt());
    }

    @Test
    void handleRequest_notEnoughTimeLeft_startsNothingAndReportsEveryMessageWithObjects() throws IOException {
        uploadFixtureObjects();
        // Less than the default reserve (10 s) plus one job estimate (2 s).
        JsonNode response = invoke(fixture("sqs-mixed-batch.json"), 5_000);

        assertEquals(List.of("059f36b4-87a3-44ab-83d2-661975830a7d", "6d8b9f1e-0b7e-4b9f-9a55-3c2f6a1b7e10",
                "a7c3e5d2-4f6b-4e8a-9c1d-2b3a4c5d6e7f"), failures(response));
        assertEquals(List.of(), s3.keys(BUCKET, "results/"));
    }

    @Test
    void handleRequest_notAnSqsEvent_failsWholeInvocation() {
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> invoke("{\"detail\":{}}".getBytes(StandardCharsets.UTF_8), 60_000));
    }

    @Test
    void handleRequest_eventForOwnResultKey_ignored() throws IOException {
        String body = JSON.writeValueAsString(Map.of("bucket", BUCKET, "key", "results/x-0123/summary.json"));
        String event = JSON.writeValueAsString(Map.of("Records", List.of(Map.of("messageId", "m-1", "body", body))));
        JsonNode response = invoke(event.getBytes(StandardCharsets.UTF_8), 60_000);
        assertEquals(List.of(), failures(response));
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("ignored: key lies in the results area"));
    }
}
