package dev.drivelog.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.demo.EmbeddedSqs;
import dev.drivelog.reconcile.QueueContents;
import dev.drivelog.storage.LocalS3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The reconcile function through the real entry point: the runtime interface client in a child JVM
 * (without the demo servers on its class path, as in the image) with {@code ReconcileHandler}, fed the
 * sample scheduled event from events/, against S3Proxy and ElasticMQ on 127.0.0.1.
 */
class ReconcileRuntimeEntrypointTest {
    private static final String HANDLER = "dev.drivelog.lambda.ReconcileHandler::handleRequest";
    private static final String BUCKET = "drivelog-ric-reconcile";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void awsLambdaMain_scheduledEvent_enqueuesTheInputsWithoutResultsAndReturnsTheCounts(@TempDir Path dir) throws Exception {
        Path scheduledEvent = Path.of(System.getProperty("drivelog.repo.dir", "."), "events", "scheduled-reconcile.json");
        try (LocalS3 s3 = LocalS3.start(); EmbeddedSqs sqsServer = EmbeddedSqs.start();
                SqsClient sqs = s3.connection().sqsClient(sqsServer.endpoint()); RuntimeApiServer runtimeApi = new RuntimeApiServer()) {
            s3.createBucket(BUCKET);
            for (String key : List.of("incoming/a.csv", "incoming/b.csv", "incoming/c d.csv", "elsewhere/e.csv")) {
                s3.put(BUCKET, key, "p1\np2\n".getBytes(StandardCharsets.UTF_8));
            }
            String queueUrl = sqs.createQueue(b -> b.queueName("ric-jobs")).queueUrl();
            runtimeApi.enqueue(new RuntimeApiServer.Invocation("req-reconcile", Files.readString(scheduledEvent),
                    System.currentTimeMillis() + 120_000, "Root=1-673f1a2b-0123456789abcdef01234568;Sampled=0"));

            Path stdout = dir.resolve("stdout.log");
            Process child = LambdaRuntimeEntrypointTest.startRuntime(HANDLER, runtimeApi.address(), s3, stdout, Map.of(
                    "AWS_ENDPOINT_URL_SQS", sqsServer.endpoint().toString(),
                    "DRIVELOG_RECONCILE__INPUT", "s3://" + BUCKET + "/incoming/",
                    "DRIVELOG_RECONCILE__QUEUE_URL", queueUrl,
                    "DRIVELOG_RECONCILE__MIN_AGE_MINUTES", "0"));
            try {
                String result = runtimeApi.awaitResult("req-reconcile", 120);
                assertNotNull(result, "no result within 120 s; init error: " + runtimeApi.pollInitError()
                        + "; output:\n" + Files.readString(stdout));
                assertTrue(result.startsWith("response: "), result + "\n" + Files.readString(stdout));
                JsonNode counts = JSON.readTree(result.substring("response: ".length()));
                assertEquals(JSON.readTree("{\"listed\":3,\"missing\":3,\"enqueued\":3,\"complete\":true}"), counts);

                List<String> bodies = QueueContents.receiveAll(sqs, queueUrl).stream().map(m -> m.body()).sorted().toList();
                assertEquals(List.of("{\"bucket\":\"" + BUCKET + "\",\"key\":\"incoming/a.csv\"}",
                        "{\"bucket\":\"" + BUCKET + "\",\"key\":\"incoming/b.csv\"}",
                        "{\"bucket\":\"" + BUCKET + "\",\"key\":\"incoming/c d.csv\"}"), bodies);
                assertTrue(Files.readString(stdout).contains("\"message\":\"reconcile pass done\""), Files.readString(stdout));
            } finally {
                child.destroy();
                if (!child.waitFor(10, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
        }
    }
}
