package dev.drivelog.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/drivelog demo} with the real engine under lost and duplicated notifications, S3 and
 * SQS faults, recovering with {@code --reconcile}: every log analysed exactly once, nothing orphaned.
 */
class DemoFaultsIT {
    private static final int LOGS = 10;

    @Test
    void demo_faultsAndReconcile_everyLogProcessedExactlyOnceNoOrphanedUploads(@TempDir Path dir) throws Exception {
        Path repo = Path.of(System.getProperty("drivelog.repo.dir", "."));
        Path stdout = dir.resolve("out.txt");
        Process demo = new ProcessBuilder(repo.resolve("bin/drivelog").toString(), "demo", "--logs", Integer.toString(LOGS),
                "--workdir", dir.resolve("work").toString(), "--json", "--drop-notifications", "0.3",
                "--duplicate-notifications", "0.3", "--s3-fault-rate", "0.1", "--sqs-fault-rate", "0.1", "--reconcile",
                "--seed", "7")
                .redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!demo.waitFor(10, TimeUnit.MINUTES)) {
            demo.destroyForcibly();
            throw new AssertionError("demo did not finish in 10 minutes");
        }
        assertEquals(0, demo.exitValue(), Files.readString(stdout));
        List<String> lines = Files.readAllLines(stdout);
        JsonNode summary = new ObjectMapper().readTree(lines.getLast());

        assertEquals(LOGS, summary.get("logs_uploaded").asInt(), summary.toString());
        assertEquals(LOGS, summary.get("logs_processed").asInt(), summary.toString());
        assertEquals(LOGS, summary.get("results_written").asInt(), summary.toString());
        assertEquals(0, summary.get("failed").asInt(), summary.toString());
        assertEquals(0, summary.get("multipart_uploads_left").asInt(), summary.toString());
        assertTrue(summary.get("reconciled").asInt() > 0, "seed 7 drops notifications: " + summary);
        assertTrue(summary.get("s3_faults_injected").asInt() > 0, summary.toString());
        assertTrue(summary.get("sqs_faults_injected").asInt() > 0, summary.toString());
        try (var files = Files.walk(Path.of(summary.get("results_dir").asText()))) {
            long manifests = files.filter(p -> p.getFileName().toString().equals("manifest.json")).count();
            assertEquals(LOGS, manifests, "one committed result set per log, none twice");
        }
    }
}
