package dev.drivelog.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.job.LineCountAnalysis;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.storage.S3Connection;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's queue consumption against ElasticMQ and S3Proxy on 127.0.0.1, with a line-counting analysis. */
class DemoRunTest {
    @Test
    void run_logsWithOneTransientAndOneRejected_processesOthersDeadLettersOneCountsDuplicate(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("car 1.csv"), "a\nviolation speeding\nviolation stop_sign\n");
        Path other = Files.writeString(dir.resolve("car+2.csv"), "a\nb\n");
        Path flaky = Files.writeString(dir.resolve("car-3.csv"), "a\nfail\n");
        Path broken = Files.writeString(dir.resolve("car-4.csv"), "reject\n");
        JsonLog quiet = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), JsonLog.Level.ERROR);
        try (EmbeddedS3 s3 = EmbeddedS3.start(dir.resolve("s3")); EmbeddedSqs sqs = EmbeddedSqs.start()) {
            S3Connection connection = S3Connection.local(s3.endpoint(), EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY);
            DemoSummary summary = new DemoRun(connection, sqs.endpoint(), quiet)
                    .run(List.of(good, other, flaky, broken), new LineCountAnalysis(), "line-count-1");

            assertEquals(4, summary.logsUploaded());
            assertEquals(2, summary.logsProcessed(), summary.rows().toString());
            assertEquals(1, summary.duplicatesSkipped());
            assertEquals(2, summary.violations());
            assertEquals(2, summary.failed(), summary.rows().toString());
            assertEquals(2, summary.resultsWritten(), "one committed result set per analysed log");
            assertEquals(4, summary.resultFilesWritten(), "lines.txt and summary.json per analysed log");
            DemoSummary.Row first = summary.rows().stream().filter(r -> r.key().equals("logs/car 1.csv")).findFirst().orElseThrow();
            assertTrue(first.results().startsWith("s3://drivelog-demo/results/car_1.csv-"), first.results());
        }
    }
}
