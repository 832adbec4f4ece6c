package dev.drivelog.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.job.LineCountAnalysis;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.storage.S3Connection;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's queue consumption with lost and duplicated notifications and S3 and SQS faults, on S3Proxy
 * and ElasticMQ on 127.0.0.1: every uploaded log must end analysed exactly once.
 */
class DemoRunFaultsTest {
    private static final int LOGS = 10;
    private static final int BIG_OUTPUT_BYTES = 12 * 1024 * 1024; // three multipart parts of 5 MiB
    private final JsonLog quiet = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), JsonLog.Level.ERROR);

    private static List<Path> logs(Path dir) throws IOException {
        List<Path> logs = new ArrayList<>();
        for (int i = 0; i < LOGS; i++) {
            StringBuilder content = new StringBuilder();
            for (int line = 0; line < 800; line++) {
                content.append("point ").append(i).append(' ').append(line).append('\n'); // ~10 KiB: long enough to be cut
            }
            content.append("violation speeding\n");
            if (i == 0) {
                content.append("big ").append(BIG_OUTPUT_BYTES).append('\n');
            }
            logs.add(Files.writeString(dir.resolve("car-" + i + ".csv"), content));
        }
        return logs;
    }

    private DemoSummary run(Path dir, DemoFaults faults) throws Exception {
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir.resolve("s3")); EmbeddedSqs sqs = EmbeddedSqs.start()) {
            S3Connection connection = S3Connection.local(s3.endpoint(), EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY);
            return new DemoRun(connection, sqs.endpoint(), quiet, faults).run(logs(dir), new LineCountAnalysis(), "line-count-1");
        }
    }

    private static void assertEveryLogAnalysedExactlyOnce(DemoSummary summary) {
        assertEquals(LOGS, summary.logsUploaded());
        assertEquals(LOGS, summary.logsProcessed(), summary.rows().toString());
        assertEquals(0, summary.failed(), summary.rows().toString());
        assertEquals(LOGS, summary.resultsWritten(), "exactly one committed result set per uploaded log");
        assertEquals(2 * LOGS + 1, summary.resultFilesWritten(),
                "lines.txt and summary.json per log, one big file: no result twice, redeliveries are duplicates");
        assertEquals(LOGS, summary.violations(), "one violation per log, counted once");
        assertEquals(0, summary.multipartUploadsLeft(), "no orphaned multipart uploads");
    }

    @Test
    void run_droppedDuplicatedNotificationsS3AndSqsFaultsWithReconcile_everyLogAnalysedExactlyOnce(@TempDir Path dir)
            throws Exception {
        // Seed 7 drops notifications, and its first receive gets an SQS fault whatever the timing.
        DemoSummary summary = run(dir, new DemoFaults(0.3, 0.3, 0.1, 0.1, true, 7));

        assertEveryLogAnalysedExactlyOnce(summary);
        assertTrue(summary.reconciled() > 0, "seed 7 drops notifications, reconcile must enqueue them: " + summary);
        assertTrue(summary.s3FaultsInjected() > 0, summary.toString());
        assertTrue(summary.sqsFaultsInjected() > 0, summary.toString());
        assertTrue(summary.duplicatesSkipped() > 0, summary.toString());
    }

    @Test
    void run_sqsFaultsOnReceiveAndDelete_everyLogAnalysedExactlyOnce(@TempDir Path dir) throws Exception {
        // Seed 15 faults the very first receive, so the run has SQS faults whatever the timing.
        DemoSummary summary = run(dir, new DemoFaults(0, 0, 0, 0.2, false, 15));

        assertEveryLogAnalysedExactlyOnce(summary);
        assertTrue(summary.sqsFaultsInjected() > 0, summary.toString());
        assertEquals(0, summary.s3FaultsInjected());
    }

    @Test
    void run_droppedNotificationsWithoutReconcile_countsTheNeverNotifiedLogsAsFailed(@TempDir Path dir) throws Exception {
        DemoSummary summary = run(dir, new DemoFaults(0.3, 0, 0, false, 7));

        long neverNotified = summary.rows().stream().filter(r -> r.status().equals("never notified")).count();
        assertTrue(neverNotified > 0, summary.rows().toString());
        assertEquals(neverNotified, summary.failed());
        assertEquals(LOGS - neverNotified, summary.logsProcessed());
        assertEquals(0, summary.reconciled());
    }
}
