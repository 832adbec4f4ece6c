package dev.drivelog.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.demo.EmbeddedSqs;
import dev.drivelog.job.LineCountAnalysis;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.storage.LocalS3;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The worker loop against ElasticMQ and S3Proxy on 127.0.0.1. */
class WorkerTest {
    @Test
    void run_messagesOnQueue_processesDeletesAndStopsWhenAsked() throws Exception {
        JsonLog quiet = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), JsonLog.Level.ERROR);
        try (LocalS3 s3 = LocalS3.start(); EmbeddedSqs sqsServer = EmbeddedSqs.start();
                SqsClient sqs = s3.connection().sqsClient(sqsServer.endpoint());
                Pipeline pipeline = new Pipeline(PipelineSettings.defaultSettings(), s3.connection(), new LineCountAnalysis(),
                        "line-count-1", quiet, "worker-test");
                ExecutorService thread = Executors.newSingleThreadExecutor()) {
            s3.createBucket("worker");
            String queueUrl = sqs.createQueue(b -> b.queueName("work")).queueUrl();
            for (int i = 0; i < 3; i++) {
                String key = "logs/w" + i + ".csv";
                s3.put("worker", key, "a\nb\n".getBytes(StandardCharsets.UTF_8));
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("{\"bucket\":\"worker\",\"key\":\"" + key + "\"}"));
            }
            QueuePoller poller = new QueuePoller(sqs, queueUrl, pipeline.processor(), quiet, 10, 1, Duration.ofSeconds(30),
                    Duration.ZERO);
            Worker worker = new Worker(poller, quiet);
            Future<?> running = thread.submit(worker::run);

            // Bounded wait (not a timing assertion): a broken worker fails the test instead of hanging it.
            for (int i = 0; i < 1200 && s3.keys("worker", "results/").stream().filter(k -> k.endsWith("manifest.json")).count() < 3; i++) {
                Thread.sleep(50);
            }
            assertTrue(worker.stop(Duration.ofSeconds(30)));
            running.get();
            assertEquals(3, s3.keys("worker", "results/").stream().filter(k -> k.endsWith("manifest.json")).count());

            Map<String, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNamesWithStrings("All"))
                    .attributesAsStrings();
            assertEquals("0", attributes.get("ApproximateNumberOfMessages"));
            assertEquals("0", attributes.get("ApproximateNumberOfMessagesNotVisible"));
        }
    }
}
