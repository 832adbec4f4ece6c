package dev.drivelog.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.demo.DemoInputs;
import dev.drivelog.demo.EmbeddedS3;
import dev.drivelog.demo.EmbeddedSqs;
import dev.drivelog.storage.S3Connection;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The worker killed with SIGKILL in the middle of a batch, then a second worker on the same queue:
 * after the visibility timeout the messages come back, the logs committed before the kill are
 * duplicates, the others are analysed, and the results equal those of a run without a crash (a
 * reference worker on the same logs in a second bucket and queue, running beside).
 *
 * <p>Real parts throughout: {@code bin/drivelog worker} as an OS process with the native engine,
 * S3Proxy and ElasticMQ on 127.0.0.1 in this JVM. The kill lands at a known point without timing:
 * S3 holds the completion of the multipart upload of the one log whose report needs one (an
 * {@link UploadGate}), and the test kills once it is held and at least one other log is committed.
 * That job has then analysed its log, made two result files visible and sent the report's parts,
 * but written no manifest.
 */
class WorkerCrashIT {
    private static final int SMALL_LOGS = 5;
    /** Copies of the small logs as vehicles of one fleet log: 60 trips, a ~7 MB report.html, more than one 5 MiB part. */
    private static final int FLEET_COPIES = 12;
    private static final int LOGS = SMALL_LOGS + 1;
    private static final int VISIBILITY_SECONDS = 5;
    private static final String MAX_RECEIVE_COUNT = "4";
    private static final String REFERENCE = "reference";
    private static final String CRASH = "crash";
    /** Every wait is bounded: a broken worker fails the test instead of hanging it (not a timing assertion). */
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(90);

    private record Queue(String url, String deadLetterUrl) {}

    /** The state the kill left: logs committed (by input key), multipart uploads open, files visible without a manifest. */
    private record Kill(Set<String> committed, Set<String> openUploads, List<ResultSets.ResultSet> uncommitted) {}

    /** Which logs the second worker analysed and which it skipped as duplicates. */
    private record Recovery(Set<String> analysed, Set<String> duplicates) {}

    @Test
    void worker_killedMidBatch_redeliveryCommitsEveryLogOnceWithTheResultsOfARunWithoutCrash(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        DemoInputs.Made inputs = DemoInputs.make(Files.createDirectories(dir.resolve("inputs")), SMALL_LOGS);
        List<Path> logs = new ArrayList<>(inputs.logs());
        logs.add(writeFleetLog(inputs.logs(), dir.resolve("fleet.csv")));
        List<String> keys = logs.stream().map(log -> "logs/" + log.getFileName()).toList();
        UploadGate gate = new UploadGate(CRASH);
        try (EmbeddedS3 s3Server = EmbeddedS3.start(null, gate); EmbeddedSqs sqsServer = EmbeddedSqs.start()) {
            S3Connection connection = S3Connection.local(s3Server.endpoint(), EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY);
            try (S3Client s3 = connection.s3Client(8); SqsClient sqs = connection.sqsClient(sqsServer.endpoint())) {
                Map<String, String> environment = workerEnvironment(s3Server, sqsServer, inputs.map());
                Queue referenceQueue = uploadAndNotify(s3, sqs, REFERENCE, logs);
                Queue crashQueue = uploadAndNotify(s3, sqs, CRASH, logs);

                Kill kill;
                Recovery recovery;
                // The reference: the same worker on the same inputs beside the crash, never disturbed.
                try (WorkerProcess reference = WorkerProcess.start(environment, referenceQueue.url(), VISIBILITY_SECONDS,
                        dir, "reference-worker")) {
                    kill = killMidBatch(s3, gate, environment, crashQueue, dir);
                    recovery = drainWithSecondWorker(sqs, environment, crashQueue, dir);
                    awaitCondition("the reference worker drains its queue", () -> drained(sqs, referenceQueue.url()), reference);
                    stopGracefully(reference);
                }
                System.out.printf("WorkerCrashIT: killed with %d of %d logs committed, %d files without a manifest, "
                        + "%d multipart upload(s) open; the second worker analysed %d, skipped %d duplicates%n",
                        kill.committed().size(), LOGS,
                        kill.uncommitted().stream().mapToInt(set -> set.files().size()).sum(), kill.openUploads().size(),
                        recovery.analysed().size(), recovery.duplicates().size());

                assertTrue(!kill.committed().isEmpty() && kill.committed().size() < LOGS,
                        "killed mid-batch: " + kill.committed() + " of " + LOGS + " committed");
                assertTrue(!gate.heldUploadIds().isEmpty() && kill.openUploads().containsAll(gate.heldUploadIds()),
                        "the kill leaves the held multipart upload open: " + kill.openUploads() + " held " + gate.heldUploadIds());
                // Files the killed job had completed stay visible without a manifest (readers ignore them);
                // they are the fleet log's, complete, and the retry overwrites them with equal bytes.
                assertEquals(1, kill.uncommitted().size(), "the job in flight left files without a manifest: " + kill.uncommitted());

                Map<String, ResultSets.ResultSet> expected = ResultSets.read(s3, REFERENCE);
                Map<String, ResultSets.ResultSet> actual = ResultSets.read(s3, CRASH);
                assertEquals(Set.copyOf(keys), expected.keySet(), "the reference run committed every log once");
                assertEquals(Set.copyOf(keys), actual.keySet(), "one committed result set per log, no stray prefix");
                for (String key : keys) {
                    assertTrue(actual.get(key).committed(), key);
                    assertTrue(actual.get(key).sameContentAs(expected.get(key)),
                            key + ": files " + actual.get(key).files().keySet() + " differ from " + expected.get(key).files().keySet()
                                    + ": " + actual.get(key).differingFiles(expected.get(key)));
                }
                ResultSets.ResultSet leftByKill = kill.uncommitted().getFirst();
                assertEquals(actual.get("logs/fleet.csv").prefix(), leftByKill.prefix());
                assertTrue(leftByKill.isPartOf(actual.get("logs/fleet.csv")),
                        "the files visible after the kill were complete: " + leftByKill.files().keySet());
                assertTrue(actual.get("logs/fleet.csv").files().get("report.html").length > 5 * 1024 * 1024,
                        "the fleet log's report needed a multipart upload");
                Set<String> uncommittedKeys = new TreeSet<>(keys);
                uncommittedKeys.removeAll(kill.committed());
                assertEquals(uncommittedKeys, recovery.analysed(), "after the crash exactly the uncommitted logs are analysed");
                // The whole batch was in hand when the kill came, so every committed log's message comes back.
                assertEquals(kill.committed(), recovery.duplicates(), "logs committed before the crash are duplicates on redelivery");
                assertEquals(0, messagesIn(sqs, crashQueue.deadLetterUrl()), "nothing dead-lettered");
                assertEquals(0, messagesIn(sqs, referenceQueue.deadLetterUrl()), "nothing dead-lettered");
                // The killed worker's upload stays open until the bucket's AbortIncompleteMultipartUpload rule
                // removes it; it was never completed, so no result object came from it.
                assertEquals(gate.heldUploadIds(), multipartUploads(s3, CRASH), "only the killed worker's upload is left open");
                assertEquals(Set.of(), multipartUploads(s3, REFERENCE));
            }
        }
    }

    /** Starts a worker on the crash queue and kills it with SIGKILL once an upload completion is held and a log is committed. */
    private static Kill killMidBatch(S3Client s3, UploadGate gate, Map<String, String> environment, Queue queue, Path dir)
            throws Exception {
        try (WorkerProcess first = WorkerProcess.start(environment, queue.url(), VISIBILITY_SECONDS, dir, "killed-worker")) {
            assertTrue(gate.awaitHeld(WAIT_LIMIT), "the worker never completed a multipart upload; stderr: " + first.stderr());
            awaitCondition("a log committed while the fleet log's upload is held",
                    () -> ResultSets.manifestCount(s3, CRASH) >= 1, first);
            first.kill();
            gate.dropHeld();
        }
        List<ResultSets.ResultSet> uncommitted = ResultSets.read(s3, CRASH).values().stream()
                .filter(set -> !set.committed()).toList();
        Set<String> committed = ResultSets.read(s3, CRASH).entrySet().stream().filter(e -> e.getValue().committed())
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        return new Kill(committed, multipartUploads(s3, CRASH), uncommitted);
    }

    /** A second worker on the same queue until it is drained (after the visibility timeout); what it did with each log. */
    private static Recovery drainWithSecondWorker(SqsClient sqs, Map<String, String> environment, Queue queue, Path dir)
            throws Exception {
        try (WorkerProcess second = WorkerProcess.start(environment, queue.url(), VISIBILITY_SECONDS, dir, "second-worker")) {
            awaitCondition("the second worker drains the queue", () -> drained(sqs, queue.url()), second);
            stopGracefully(second);
            return new Recovery(second.keysLogged("analysed"), second.keysLogged("duplicate skipped"));
        }
    }

    private static void stopGracefully(WorkerProcess worker) throws InterruptedException, IOException {
        worker.stop();
        assertTrue(worker.logMessages().contains("worker stopped"), "a graceful stop on SIGTERM: " + worker.stderr());
    }

    /** Creates the bucket and its queue, uploads the logs and sends one direct job per log. */
    private static Queue uploadAndNotify(S3Client s3, SqsClient sqs, String bucket, List<Path> logs) {
        s3.createBucket(b -> b.bucket(bucket));
        Queue queue = createQueue(sqs, bucket);
        for (Path log : logs) {
            String key = "logs/" + log.getFileName();
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(log));
            sqs.sendMessage(b -> b.queueUrl(queue.url()).messageBody("{\"bucket\":\"" + bucket + "\",\"key\":\"" + key + "\"}"));
        }
        return queue;
    }

    /** The small logs again as vehicles {@code car-<copy>-<log>} of one fleet dump. */
    private static Path writeFleetLog(List<Path> logs, Path fleet) throws IOException {
        try (Writer out = Files.newBufferedWriter(fleet)) {
            out.write("vehicle_id,time,lat,lon,speed,heading,accuracy\n");
            for (int copy = 0; copy < FLEET_COPIES; copy++) {
                for (int log = 0; log < logs.size(); log++) {
                    List<String> lines = Files.readAllLines(logs.get(log));
                    if (!lines.getFirst().equals("time,lat,lon,speed,heading,accuracy")) {
                        throw new IOException("unexpected header in " + logs.get(log) + ": " + lines.getFirst());
                    }
                    for (String row : lines.subList(1, lines.size())) {
                        out.write("car-" + copy + "-" + log + "," + row + "\n");
                    }
                }
            }
        }
        return fleet;
    }

    private static Map<String, String> workerEnvironment(EmbeddedS3 s3, EmbeddedSqs sqs, Path map) {
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_ACCESS_KEY_ID", EmbeddedS3.ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", EmbeddedS3.SECRET_KEY);
        environment.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_SQS", sqs.endpoint().toString());
        environment.put("AWS_REQUEST_CHECKSUM_CALCULATION", "WHEN_REQUIRED");
        environment.put("AWS_RESPONSE_CHECKSUM_VALIDATION", "WHEN_REQUIRED");
        environment.put("DRIVELOG_S3_PATH_STYLE", "true");
        environment.put("DRIVELOG_MAP", map.toString());
        // report.html makes the fleet log's output large enough for a multipart upload of 5 MiB parts.
        environment.put("DRIVELOG_OUTPUT__REPORT", "true");
        environment.put("DRIVELOG_PIPELINE__UPLOAD_PART_SIZE_MIB", "5");
        // Every job of the batch starts at once, so none is left "not started" by the 5 s time budget
        // (its message would come back in a later batch): the batch in hand at the kill holds all six
        // logs, and while the fleet log's upload is held the small ones commit.
        environment.put("DRIVELOG_PIPELINE__ANALYSIS_CONCURRENCY", Integer.toString(LOGS));
        // The batch's time budget is the visibility timeout; these let jobs start within 5 s.
        environment.put("DRIVELOG_PIPELINE__TIME_RESERVE_SECONDS", "0");
        environment.put("DRIVELOG_PIPELINE__JOB_ESTIMATE_SECONDS", "1");
        return environment;
    }

    private static Queue createQueue(SqsClient sqs, String name) {
        String deadLetterUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String deadLetterArn = sqs.getQueueAttributes(b -> b.queueUrl(deadLetterUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\",\"deadLetterTargetArn\":\"" + deadLetterArn + "\"}";
        String url = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(
                QueueAttributeName.REDRIVE_POLICY, redrive,
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(VISIBILITY_SECONDS)))).queueUrl();
        return new Queue(url, deadLetterUrl);
    }

    private static int messagesIn(SqsClient sqs, String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .attributes().values().stream().mapToInt(Integer::parseInt).sum();
    }

    private static boolean drained(SqsClient sqs, String queueUrl) {
        return messagesIn(sqs, queueUrl) == 0;
    }

    private static Set<String> multipartUploads(S3Client s3, String bucket) {
        return s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().stream().map(MultipartUpload::uploadId)
                .collect(Collectors.toSet());
    }

    /** Polls {@code condition} until it holds; fails (with the worker's stderr) if the worker exits or the limit passes. */
    private static void awaitCondition(String what, BooleanSupplier condition, WorkerProcess worker)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (!worker.isAlive()) {
                throw new AssertionError("worker exited before " + what + "; stderr: " + worker.stderr());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT_LIMIT.toSeconds() + " s: " + what + "; stderr: " + worker.stderr());
            }
            Thread.sleep(50);
        }
    }
}
