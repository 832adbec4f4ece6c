package dev.drivelog.demo;

import dev.drivelog.job.InputAnalysis;
import dev.drivelog.job.JobOutcome;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.queue.MessageResult;
import dev.drivelog.queue.Pipeline;
import dev.drivelog.queue.QueuePoller;
import dev.drivelog.storage.S3Connection;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The demo's pipeline part, on servers already running: uploads drive logs to S3, sends one S3
 * event notification per object to SQS (plus one duplicate, as S3 sometimes does), and consumes
 * the queue like Lambda's event source mapping through the same {@link Pipeline} as the Lambda
 * handler, until the queue is drained. Failed messages come back after the visibility timeout and
 * move to the dead-letter queue after {@link #MAX_RECEIVE_COUNT} receives.
 */
public final class DemoRun {
    public static final String BUCKET = "drivelog-demo";
    public static final String QUEUE = "drivelog-logs";
    public static final String DEAD_LETTER_QUEUE = "drivelog-logs-dlq";
    static final int MAX_RECEIVE_COUNT = 3;
    // Short, so that a failing message is retried and dead-lettered within seconds; the time budget
    // of a batch is the visibility timeout, so it must exceed one job's estimate.
    private static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(10);

    private final S3Connection connection;
    private final java.net.URI sqsEndpoint;
    private final JsonLog log;

    public DemoRun(S3Connection connection, java.net.URI sqsEndpoint, JsonLog log) {
        this.connection = connection;
        this.sqsEndpoint = sqsEndpoint;
        this.log = log;
    }

    public DemoSummary run(List<Path> logs, InputAnalysis analysis, String engineVersion) throws IOException {
        PipelineSettings settings = PipelineSettings.load(Map.of("DRIVELOG_PIPELINE__JOB_ESTIMATE_SECONDS", "1"));
        try (S3Client s3 = connection.s3Client(8); SqsClient sqs = connection.sqsClient(sqsEndpoint);
                Pipeline pipeline = new Pipeline(settings, connection, analysis, engineVersion, log, "drivelog-demo")) {
            createBucketUnlessOwned(s3);
            String queueUrl = createQueues(sqs);
            List<String> notifications = new ArrayList<>();
            for (Path file : logs) {
                String key = "logs/" + file.getFileName();
                PutObjectResponse put = s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromFile(file));
                notifications.add(s3Notification(key, file.toFile().length(), put.eTag()));
            }
            for (String body : notifications) {
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
            }
            if (!notifications.isEmpty()) {
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(notifications.getFirst()));
            }
            return drain(sqs, queueUrl, pipeline, logs.size());
        }
    }

    /** A work directory reused from an earlier run already has the bucket (and its results). */
    private static void createBucketUnlessOwned(S3Client s3) {
        try {
            s3.createBucket(b -> b.bucket(BUCKET));
        } catch (BucketAlreadyOwnedByYouException e) {
            // Kept from the last run: its results make this run's logs duplicates, as they should be.
        }
    }

    private static String createQueues(SqsClient sqs) {
        String dlqUrl = sqs.createQueue(b -> b.queueName(DEAD_LETTER_QUEUE)).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}";
        return sqs.createQueue(b -> b.queueName(QUEUE).attributes(Map.of(
                QueueAttributeName.REDRIVE_POLICY, redrive,
                QueueAttributeName.VISIBILITY_TIMEOUT, Long.toString(VISIBILITY_TIMEOUT.toSeconds())))).queueUrl();
    }

    /** A notification as S3 sends it: the key form-URL-encoded. */
    static String s3Notification(String key, long size, String eTag) {
        String encodedKey = URLEncoder.encode(key, StandardCharsets.UTF_8);
        String tag = eTag == null ? "" : eTag.replace("\"", "");
        return "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\","
                + "\"eventTime\":\"" + java.time.Instant.now() + "\",\"eventName\":\"ObjectCreated:Put\","
                + "\"s3\":{\"s3SchemaVersion\":\"1.0\",\"configurationId\":\"drivelog-demo\","
                + "\"bucket\":{\"name\":\"" + BUCKET + "\",\"arn\":\"arn:aws:s3:::" + BUCKET + "\"},"
                + "\"object\":{\"key\":\"" + encodedKey + "\",\"size\":" + size + ",\"eTag\":\"" + tag + "\"}}}]}";
    }

    private DemoSummary drain(SqsClient sqs, String queueUrl, Pipeline pipeline, int uploaded) {
        QueuePoller poller = new QueuePoller(sqs, queueUrl, pipeline.processor(), log, 10, 1, VISIBILITY_TIMEOUT,
                Duration.ZERO);
        Map<String, DemoSummary.Row> rows = new LinkedHashMap<>();
        int duplicates = 0;
        int rejected = 0;
        int written = 0;
        long violations = 0;
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (System.nanoTime() < deadline && messagesLeft(sqs, queueUrl) > 0) {
            QueuePoller.PollResult poll = poller.pollOnce();
            if (poll.batch() == null) {
                continue;
            }
            for (MessageResult message : poll.batch().messages()) {
                for (JobOutcome outcome : message.outcomes()) {
                    switch (outcome) {
                        case JobOutcome.Committed c -> {
                            written += c.outputBytes().size();
                            violations += c.report().violations();
                            rows.put(c.job().key(), new DemoSummary.Row(c.job().key(), "analysed", c.report().points(),
                                    c.report().violations(), c.results().uri()));
                        }
                        case JobOutcome.Duplicate d -> {
                            duplicates++;
                            rows.putIfAbsent(d.job().key(), new DemoSummary.Row(d.job().key(), "duplicate", 0, 0,
                                    d.results().uri()));
                        }
                        case JobOutcome.Rejected r -> {
                            rejected++;
                            rows.put(r.job().key(), new DemoSummary.Row(r.job().key(), "rejected: " + r.reason(), 0, 0,
                                    r.results().uri()));
                        }
                        case JobOutcome.Ignored i -> { }
                        case JobOutcome.Failed f -> rows.putIfAbsent(f.job().key(),
                                new DemoSummary.Row(f.job().key(), "failed: " + f.reason(), 0, 0, "-"));
                    }
                }
            }
        }
        String dlqUrl = sqs.getQueueUrl(b -> b.queueName(DEAD_LETTER_QUEUE)).queueUrl();
        int deadLetters = messagesLeft(sqs, dlqUrl);
        int processed = (int) rows.values().stream().filter(r -> r.status().equals("analysed")).count();
        return new DemoSummary(uploaded, processed, written, duplicates, violations, rejected + deadLetters,
                new ArrayList<>(rows.values()), "s3://" + BUCKET + "/" + pipeline.settings().outputPrefix());
    }

    private static int messagesLeft(SqsClient sqs, String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }
}
