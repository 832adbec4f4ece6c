package dev.drivelog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.demo.EmbeddedS3;
import dev.drivelog.storage.LocalS3;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code drivelog reconcile} options and a dry run through the command against S3Proxy on 127.0.0.1. */
class ReconcileCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int execute(Map<String, String> environment, String... args) {
        ReconcileCommand command = new ReconcileCommand();
        command.environment = environment;
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(command)
                .setExitCodeExceptionMapper(ExitCodes::forException)
                .setExecutionExceptionHandler(ExitCodes::report)
                .setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8))
                .execute(args);
    }

    @Test
    void execute_enqueueAndDryRunTogether_isUsageError() {
        assertEquals(ExitCodes.USAGE, execute(Map.of(), "--input", "s3://b/p", "--dry-run", "--enqueue", "http://127.0.0.1:1/q"));
    }

    @Test
    void execute_neitherEnqueueNorDryRun_isUsageError() {
        assertEquals(ExitCodes.USAGE, execute(Map.of(), "--input", "s3://b/p"));
    }

    @Test
    void execute_inputNotAnS3Uri_isUsageErrorNamingTheOption() {
        assertEquals(ExitCodes.USAGE, execute(Map.of(), "--input", "/local/logs", "--dry-run"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--input"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void execute_badSince_isUsageErrorNamingTheOption() {
        assertEquals(ExitCodes.USAGE, execute(Map.of(), "--input", "s3://b/p", "--dry-run", "--since", "yesterday"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--since"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void instant_dateOrInstant_parsesBoth() {
        assertEquals("2026-11-20T00:00:00Z", ReconcileCommand.instant("2026-11-20").toString());
        assertEquals("2026-11-20T08:30:00Z", ReconcileCommand.instant("2026-11-20T08:30:00Z").toString());
    }

    @Test
    void execute_dryRunWithEndpointOverride_listsMissingAndPrintsCountsLast() throws Exception {
        // The command takes credentials from the SDK's default chain; system properties come first in it.
        Map<String, String> saved = Map.of("aws.accessKeyId", "", "aws.secretAccessKey", "", "aws.region", "");
        try (LocalS3 s3 = LocalS3.start()) {
            s3.createBucket("logs-in");
            s3.put("logs-in", "fleet/a.csv", "a\n".getBytes(StandardCharsets.UTF_8));
            s3.put("logs-in", "fleet/b.csv", "b\n".getBytes(StandardCharsets.UTF_8));
            s3.put("logs-in", "other/c.csv", "c\n".getBytes(StandardCharsets.UTF_8));
            System.setProperty("aws.accessKeyId", EmbeddedS3.ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", EmbeddedS3.SECRET_KEY);
            System.setProperty("aws.region", "us-east-1");

            int code = execute(Map.of("DRIVELOG_ANALYSIS", "line-count"), "--input", "s3://logs-in/fleet/",
                    "--output", "s3://logs-in/results/", "--dry-run", "--s3-endpoint", s3.connection().endpoint().toString());

            assertEquals(ExitCodes.OK, code, err.toString(StandardCharsets.UTF_8));
            List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals(List.of("{\"bucket\":\"logs-in\",\"key\":\"fleet/a.csv\"}", "{\"bucket\":\"logs-in\",\"key\":\"fleet/b.csv\"}",
                    "{\"listed\":2,\"missing\":2,\"enqueued\":0,\"complete\":true}"), lines);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("reconcile: listed 2, missing 2"),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            saved.keySet().forEach(System::clearProperty);
        }
    }
}
