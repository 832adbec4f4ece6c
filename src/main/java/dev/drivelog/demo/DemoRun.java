package dev.drivelog.demo;

import dev.drivelog.faults.FaultInjector;
import dev.drivelog.faults.FaultedService;
import dev.drivelog.job.InputAnalysis;
import dev.drivelog.job.JobOutcome;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.observability.LogContext;
import dev.drivelog.queue.MessageResult;
import dev.drivelog.queue.Pipeline;
import dev.drivelog.queue.QueuePoller;
import dev.drivelog.reconcile.Progress;
import dev.drivelog.reconcile.QueuedInputs;
import dev.drivelog.reconcile.ReconcileCounts;
import dev.drivelog.reconcile.Reconciler;
import dev.drivelog.reconcile.S3Uri;
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
import java.util.SplittableRandom;
import software.amazon.awssdk.core.exception.SdkException;
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

    private static final int MAX_RECONCILE_ROUNDS = 3;
    private static final int RECONCILE_CHECKS_IN_FLIGHT = 8;

    private final S3Connection connection;
    private final java.net.URI sqsEndpoint;
    private final JsonLog log;
    private final DemoFaults faults;

    public DemoRun(S3Connection connection, java.net.URI sqsEndpoint, JsonLog log) {
        this(connection, sqsEndpoint, log, DemoFaults.NONE);
    }

    public DemoRun(S3Connection connection, java.net.URI sqsEndpoint, JsonLog log, DemoFaults faults) {
        this.connection = connection;
        this.sqsEndpoint = sqsEndpoint;
        this.log = log;
        this.faults = faults;
    }

    public DemoSummary run(List<Path> logs, InputAnalysis analysis, String engineVersion) throws IOException {
        PipelineSettings settings = PipelineSettings.load(Map.of("DRIVELOG_PIPELINE__JOB_ESTIMATE_SECONDS", "1"));
        SplittableRandom notificationDice = new SplittableRandom(faults.seed());
        // Faults hit the pipeline's S3 client and the queue consumer's SQS client only: the uploads stand
        // for the drivers' devices, the notifications for S3, and the queue watching for the test harness.
        try (FaultInjector s3Faults = new FaultInjector(FaultedService.S3, faults.s3FaultRate(), faults.seed() + 1);
                FaultInjector sqsFaults = new FaultInjector(FaultedService.SQS, faults.sqsFaultRate(), faults.seed() + 3);
                S3Client s3 = connection.s3Client(8); SqsClient sqs = connection.sqsClient(sqsEndpoint);
                SqsClient consumer = connection.sqsClient(sqsEndpoint, sqsFaults::wrap);
                Pipeline pipeline = new Pipeline(settings, connection.withHttpLayer(s3Faults::wrap), analysis, engineVersion,
                        log, "drivelog-demo")) {
            createBucketUnlessOwned(s3);
            String queueUrl = createQueues(sqs);
            List<String> keys = new ArrayList<>();
            List<String> notifications = new ArrayList<>();
            for (Path file : logs) {
                String key = "logs/" + file.getFileName();
                PutObjectResponse put = s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromFile(file));
                keys.add(key);
                notifications.add(s3Notification(key, file.toFile().length(), put.eTag()));
            }
            boolean firstSent = false;
            for (String body : notifications) {
                if (notificationDice.nextDouble() < faults.dropNotifications()) {
                    continue;
                }
                firstSent |= body == notifications.getFirst();
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
                if (notificationDice.nextDouble() < faults.duplicateNotifications()) {
                    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
                }
            }
            if (firstSent) {
                sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(notifications.getFirst()));
            }
            Tally tally = new Tally();
            drain(sqs, consumer, queueUrl, pipeline, tally);
            long reconciled = 0;
            for (int round = 0; faults.reconcile() && round < MAX_RECONCILE_ROUNDS; round++) {
                long enqueued = reconcile(pipeline, sqs, queueUrl);
                reconciled += enqueued;
                if (enqueued == 0) {
                    break;
                }
                drain(sqs, consumer, queueUrl, pipeline, tally);
            }
            int uploadsLeft = s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads().size();
            return tally.summary(keys, "s3://" + BUCKET + "/" + pipeline.settings().outputPrefix(), reconciled,
                    s3Faults.counts().total(), sqsFaults.counts().total(), uploadsLeft);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reconciling");
        }
    }

    /** One reconcile pass over the demo's logs with the pipeline's (faulty) S3 client; a pass S3 errors broke counts as 0. */
    private long reconcile(Pipeline pipeline, SqsClient sqs, String queueUrl) throws InterruptedException {
        Reconciler reconciler = new Reconciler(pipeline.store(), pipeline.runner().layout(), RECONCILE_CHECKS_IN_FLIGHT);
        QueuedInputs queue = new QueuedInputs(sqs, queueUrl);
        try {
            ReconcileCounts counts = reconciler.run(new S3Uri(BUCKET, "logs/"), null, queue, Progress.silent());
            log.info(LogContext.forRequest("reconcile", null), "reconciled", Map.of("listed", counts.listed(),
                    "missing", counts.missing(), "enqueued", counts.enqueued()));
        } catch (SdkException e) {
            // Jobs already enqueued stay enqueued; the next round lists again.
            log.warn(LogContext.forRequest("reconcile", null), "reconcile pass failed: " + e.getMessage(), Map.of());
        }
        return queue.delivered();
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

    /** Consumes with {@code consumer} (faults, if any) until {@code sqs} (no faults) counts no message left. */
    private void drain(SqsClient sqs, SqsClient consumer, String queueUrl, Pipeline pipeline, Tally tally) {
        QueuePoller poller = new QueuePoller(consumer, queueUrl, pipeline.processor(), log, 10, 1, VISIBILITY_TIMEOUT,
                Duration.ZERO);
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (System.nanoTime() < deadline && messagesLeft(sqs, queueUrl) > 0) {
            QueuePoller.PollResult poll = poller.pollOnce();
            if (poll.batch() == null) {
                continue;
            }
            for (MessageResult message : poll.batch().messages()) {
                message.outcomes().forEach(tally::add);
            }
        }
    }

    /** Outcomes over all drains: the last word on each log, and totals. */
    private static final class Tally {
        private final Map<String, DemoSummary.Row> rows = new LinkedHashMap<>();
        private int duplicates;
        private int resultSets;
        private int resultFiles;
        private long violations;

        void add(JobOutcome outcome) {
            switch (outcome) {
                case JobOutcome.Committed c -> {
                    resultSets++;
                    resultFiles += c.outputBytes().size();
                    violations += c.report().violations();
                    rows.put(c.job().key(), new DemoSummary.Row(c.job().key(), "analysed", c.report().points(),
                            c.report().violations(), c.results().uri()));
                }
                case JobOutcome.Duplicate d -> {
                    duplicates++;
                    rows.putIfAbsent(d.job().key(), new DemoSummary.Row(d.job().key(), "duplicate", 0, 0,
                            d.results().uri()));
                }
                case JobOutcome.Rejected r -> rows.put(r.job().key(), new DemoSummary.Row(r.job().key(),
                        "rejected: " + r.reason(), 0, 0, r.results().uri()));
                case JobOutcome.Refused r -> rows.put(r.job().key(), new DemoSummary.Row(r.job().key(),
                        "refused: " + r.reason(), 0, 0, "-"));
                case JobOutcome.Ignored i -> { }
                case JobOutcome.Failed f -> {
                    DemoSummary.Row before = rows.get(f.job().key());
                    if (before == null || before.status().startsWith("failed")) {
                        rows.put(f.job().key(), new DemoSummary.Row(f.job().key(), "failed: " + f.reason(), 0, 0, "-"));
                    }
                }
            }
        }

        DemoSummary summary(List<String> uploadedKeys, String resultsLocation, long reconciled, long s3FaultsInjected,
                long sqsFaultsInjected, int uploadsLeft) {
            int processed = 0;
            int failed = 0;
            for (String key : uploadedKeys) {
                DemoSummary.Row row = rows.get(key);
                if (row == null) {
                    rows.put(key, new DemoSummary.Row(key, "never notified", 0, 0, "-"));
                    failed++;
                } else if (row.status().equals("analysed")) {
                    processed++;
                } else if (!row.status().equals("duplicate")) {
                    failed++;
                }
            }
            return new DemoSummary(uploadedKeys.size(), processed, resultSets, resultFiles, duplicates, violations, failed,
                    new ArrayList<>(rows.values()), resultsLocation, reconciled, s3FaultsInjected, sqsFaultsInjected, uploadsLeft);
        }
    }

    private static int messagesLeft(SqsClient sqs, String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }
}
