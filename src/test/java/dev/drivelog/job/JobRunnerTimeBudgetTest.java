package dev.drivelog.job;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.observability.JsonLog;
import dev.drivelog.observability.LogContext;
import dev.drivelog.observability.PipelineMetrics;
import dev.drivelog.storage.LocalS3;
import dev.drivelog.storage.S3ObjectStore;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The time budget's estimate of an input, with the clock stopped: only the estimate decides. */
class JobRunnerTimeBudgetTest {
    private static final String BUCKET = "budget";
    private static final int MIB = 1024 * 1024;
    private static final JsonLog QUIET = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), JsonLog.Level.ERROR);
    /** Reads its input to the end and writes nothing. */
    private static final InputAnalysis DRAIN = (name, input, sink) -> {
        long bytes = input.transferTo(OutputStream.nullOutputStream());
        return new InputReport(1, bytes, Map.of(), 0, List.of(), List.of());
    };

    private LocalS3 s3;
    private S3ObjectStore store;

    @BeforeEach
    void start() throws Exception {
        s3 = LocalS3.start();
        s3.createBucket(BUCKET);
        PipelineSettings settings = PipelineSettings.defaultSettings();
        store = new S3ObjectStore(s3.connection().s3Client(8), settings.transfers());
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
        s3.close();
    }

    private JobOutcome run(String key) {
        PipelineSettings settings = PipelineSettings.defaultSettings();
        JobRunner runner = new JobRunner(store, settings, settings.layout("test-1"), DRAIN, QUIET);
        // 4 s beyond the reserve, on a clock that does not move: 10 MiB of plain log is estimated at
        // 2 s, the same 10 MiB of gzip at 2 s + 50 MiB / (20 MiB/s) = 4 s, which no longer fits.
        TimeBudget budget = new TimeBudget(settings.timeReserve().plusSeconds(4).toNanos(), settings.timeReserve(), () -> 0L);
        return runner.run(Job.of(BUCKET, key), budget, LogContext.forRequest("r-1", null), new PipelineMetrics());
    }

    @Test
    void run_gzipInput_estimatedAtItsDecompressedSizeSoNotStartedWhereAPlainOneFits() {
        byte[] tenMib = new byte[10 * MIB];
        s3.put(BUCKET, "logs/fleet.csv", tenMib);
        s3.put(BUCKET, "logs/fleet.csv.gz", tenMib);

        assertInstanceOf(JobOutcome.Committed.class, run("logs/fleet.csv"));
        JobOutcome.Failed gzip = assertInstanceOf(JobOutcome.Failed.class, run("logs/fleet.csv.gz"));
        assertTrue(gzip.reason().startsWith("not started"), gzip.reason());
        assertFalse(gzip.started());
        assertTrue(Duration.ofSeconds(4).compareTo(PipelineSettings.defaultSettings().estimateFor(10L * MIB, true)) <= 0);
    }
}
