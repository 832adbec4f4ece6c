package dev.drivelog.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.demo.EmbeddedSqs;
import dev.drivelog.job.JobOutcome;
import dev.drivelog.job.LineCountAnalysis;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.storage.LocalS3;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** The poller's answers to SQS failing under it, against ElasticMQ and S3Proxy on 127.0.0.1. */
class QueuePollerTest {
    private static final String BUCKET = "poller";
    /** Also each batch's time budget, which must hold one job's estimate. */
    private static final Duration VISIBILITY = Duration.ofSeconds(2);
    private static final PipelineSettings SETTINGS = PipelineSettings.load(Map.of("DRIVELOG_PIPELINE__JOB_ESTIMATE_SECONDS", "1"));
    /** Polls allowed for a message to come back; each waits at most a second (bounds the test, not a timing assertion). */
    private static final int MAX_POLLS = 30;
    private final JsonLog quiet = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), JsonLog.Level.ERROR);

    /** Fails every DeleteMessageBatch call while {@code failing} is set, as SQS errors past the SDK's retries would. */
    private static ExecutionInterceptor failingDeletes(AtomicBoolean failing) {
        return new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (failing.get() && context.request() instanceof DeleteMessageBatchRequest) {
                    throw SdkClientException.create("DeleteMessageBatch refused by the test");
                }
            }
        };
    }

    private static SqsClient client(LocalS3 s3, URI endpoint, ExecutionInterceptor interceptor) {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(s3.connection().credentials())
                .overrideConfiguration(o -> o.addExecutionInterceptor(interceptor))
                .build();
    }

    @Test
    void pollOnce_deleteFails_messagesComeBackAndTheirJobsAreDuplicatesNotReanalysed() throws Exception {
        AtomicBoolean deletesFail = new AtomicBoolean(true);
        try (LocalS3 s3 = LocalS3.start(); EmbeddedSqs sqsServer = EmbeddedSqs.start();
                SqsClient sqs = s3.connection().sqsClient(sqsServer.endpoint());
                SqsClient consumer = client(s3, sqsServer.endpoint(), failingDeletes(deletesFail));
                Pipeline pipeline = new Pipeline(SETTINGS, s3.connection(), new LineCountAnalysis(),
                        "line-count-1", quiet, "poller-test")) {
            s3.createBucket(BUCKET);
            String queueUrl = sqs.createQueue(b -> b.queueName("deletes")).queueUrl();
            for (int i = 0; i < 2; i++) {
                String key = "logs/d" + i + ".csv";
                s3.put(BUCKET, key, "a\nviolation speeding\n".getBytes(StandardCharsets.UTF_8));
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("{\"bucket\":\"" + BUCKET + "\",\"key\":\"" + key + "\"}"));
            }
            QueuePoller poller = new QueuePoller(consumer, queueUrl, pipeline.processor(), quiet, 10, 1, VISIBILITY, Duration.ZERO);

            QueuePoller.PollResult first = poller.pollOnce();
            assertEquals(2, first.received());
            assertEquals(0, first.deleted(), "the delete failed");
            assertEquals(List.of(JobOutcome.Committed.class, JobOutcome.Committed.class), outcomeTypes(first));
            List<String> resultsAfterFirst = s3.keys(BUCKET, "results/");

            deletesFail.set(false);
            QueuePoller.PollResult again = poller.pollOnce();
            for (int polls = 1; again.received() == 0 && polls < MAX_POLLS; polls++) {
                again = poller.pollOnce();
            }

            assertEquals(2, again.received(), "both messages came back after the visibility timeout");
            assertEquals(List.of(JobOutcome.Duplicate.class, JobOutcome.Duplicate.class), outcomeTypes(again));
            assertEquals(2, again.deleted());
            assertEquals(resultsAfterFirst, s3.keys(BUCKET, "results/"), "nothing written again");
            assertEquals(2, resultsAfterFirst.stream().filter(k -> k.endsWith("/manifest.json")).count());
            Map<QueueAttributeName, String> left = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .attributes();
            assertEquals(Map.of(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0",
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"), left);
        }
    }

    @Test
    void pollOnce_sqsUnreachable_reportsTheFailedReceiveInsteadOfThrowing() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);
        try (LocalS3 s3 = LocalS3.start();
                SqsClient consumer = client(s3, nowhere, failingDeletes(new AtomicBoolean()));
                Pipeline pipeline = new Pipeline(SETTINGS, s3.connection(), new LineCountAnalysis(),
                        "line-count-1", quiet, "poller-test")) {
            QueuePoller poller = new QueuePoller(consumer, nowhere + "/000000000000/gone", pipeline.processor(), quiet, 10, 0,
                    VISIBILITY, Duration.ZERO);

            QueuePoller.PollResult poll = poller.pollOnce();

            assertTrue(poll.receiveFailed());
            assertEquals(0, poll.received());
        }
    }

    @Test
    void pollOnce_queueDoesNotExist_throwsBecauseNoRetryCanHelp() throws Exception {
        try (LocalS3 s3 = LocalS3.start(); EmbeddedSqs sqsServer = EmbeddedSqs.start();
                SqsClient consumer = client(s3, sqsServer.endpoint(), failingDeletes(new AtomicBoolean()));
                Pipeline pipeline = new Pipeline(SETTINGS, s3.connection(), new LineCountAnalysis(),
                        "line-count-1", quiet, "poller-test")) {
            QueuePoller poller = new QueuePoller(consumer, sqsServer.endpoint() + "/000000000000/no-such-queue",
                    pipeline.processor(), quiet, 10, 0, VISIBILITY, Duration.ZERO);

            SqsException refused = assertThrows(SqsException.class, poller::pollOnce);
            assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500, refused.toString());
        }
    }

    @Test
    void backoff_failuresInARow_doublesFromTheFirstWaitUpToTheMaximum() {
        assertEquals(QueuePoller.FIRST_BACKOFF, QueuePoller.backoff(1));
        assertEquals(QueuePoller.FIRST_BACKOFF.multipliedBy(2), QueuePoller.backoff(2));
        assertEquals(QueuePoller.FIRST_BACKOFF.multipliedBy(8), QueuePoller.backoff(4));
        assertEquals(QueuePoller.MAX_BACKOFF, QueuePoller.backoff(20));
        assertEquals(QueuePoller.MAX_BACKOFF, QueuePoller.backoff(Integer.MAX_VALUE));
    }

    private static List<Class<?>> outcomeTypes(QueuePoller.PollResult poll) {
        return poll.batch().messages().stream().flatMap(m -> m.outcomes().stream()).<Class<?>>map(Object::getClass).toList();
    }
}
