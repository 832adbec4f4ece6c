package dev.drivelog.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.analysis.AnalysisException;
import dev.drivelog.analysis.Analyzer;
import dev.drivelog.analysis.AnalyzerPools;
import dev.drivelog.analysis.GridDrives;
import dev.drivelog.config.BindingConfig;
import dev.drivelog.config.LogsConfig;
import dev.drivelog.job.DrivelogAnalysisProvider;
import dev.drivelog.job.InputAnalysis;
import dev.drivelog.job.JobOutcome;
import dev.drivelog.job.LogFileAnalysis;
import dev.drivelog.job.LogsTripSource;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.job.TimeBudget;
import dev.drivelog.logs.Trip;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.observability.LogContext;
import dev.drivelog.storage.LocalS3;
import dev.drivelog.storage.S3Connection;
import dev.drivelog.storage.ShortReadLayer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An input that was not read whole, or not analysed whole, is never committed: its message fails
 * (retried, and kept by the dead-letter queue after maxReceiveCount), nothing becomes visible, and the
 * retry commits the whole input. Real engine on the grid map, S3Proxy on 127.0.0.1.
 */
class PartialWorkTest {
    private static final String BUCKET = "partial";
    private static final JsonLog QUIET = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), JsonLog.Level.ERROR);

    private LocalS3 s3;
    private Map<String, String> environment;
    private byte[] fleet;
    private long fleetPoints;

    @BeforeEach
    void start() throws Exception {
        s3 = LocalS3.start();
        s3.createBucket(BUCKET);
        environment = Map.of("DRIVELOG_MAP", GridDrives.map().toString());
        fleet = GridDrives.csv(GridDrives.trips());
        fleetPoints = GridDrives.trips().stream().mapToLong(Trip::count).sum();
    }

    @AfterEach
    void stop() throws Exception {
        s3.close();
    }

    private Pipeline pipeline(S3Connection connection, InputAnalysis analysis) {
        return new Pipeline(PipelineSettings.load(environment), connection, analysis,
                new DrivelogAnalysisProvider().version(environment), QUIET, "partial-test");
    }

    private static BatchResult deliver(Pipeline pipeline, String key) {
        return pipeline.processor().process(List.of(new QueueMessage("m-1", "{\"bucket\":\"" + BUCKET + "\",\"key\":\"" + key + "\"}", 1)),
                TimeBudget.unlimited(), LogContext.forRequest("r-1", null));
    }

    private void assertRetriedAndNothingVisible(BatchResult result) {
        assertEquals(List.of("m-1"), result.failedMessageIds());
        JobOutcome.Failed failed = assertInstanceOf(JobOutcome.Failed.class, result.messages().getFirst().outcomes().getFirst());
        assertTrue(failed.started(), failed.toString());
        assertEquals(List.of(), s3.keys(BUCKET, "results/"), "no result file, no dataset part, no manifest");
        assertTrue(s3.multipartUploads(BUCKET).isEmpty());
    }

    private void assertRetryCommitsTheWholeInput(Pipeline pipeline, String key) {
        JobOutcome outcome = deliver(pipeline, key).messages().getFirst().outcomes().getFirst();
        JobOutcome.Committed committed = assertInstanceOf(JobOutcome.Committed.class, outcome);
        assertEquals(fleetPoints, committed.report().points());
        assertEquals(GridDrives.trips().size(), committed.report().trips());
        assertEquals(0, committed.report().failedTrips());
    }

    @Test
    void process_tripTimesOut_messageRetriedNothingVisibleAndTheRetryCommitsEveryTrip() throws Exception {
        s3.put(BUCKET, "incoming/fleet.csv", fleet);
        Analyzer engine = AnalyzerPools.open(BindingConfig.DEFAULTS, GridDrives.map(), List.of(), false);
        AtomicInteger calls = new AtomicInteger();
        // The engine's answer to the third trip is a timeout (what process mode reports for a hung child).
        Analyzer timesOutOnce = new Analyzer() {
            @Override
            public String analyze(Trip trip) throws AnalysisException {
                if (calls.incrementAndGet() == 3) {
                    throw new AnalysisException("trip " + trip.tripId() + ": no result within 60000 ms (child killed)", false);
                }
                return engine.analyze(trip);
            }

            @Override
            public void close() {}
        };
        InputAnalysis analysis = new LogFileAnalysis(new LogsTripSource(LogsConfig.DEFAULTS, null), timesOutOnce, 1, false,
                outcome -> { });
        try (Pipeline pipeline = pipeline(s3.connection(), analysis)) {
            assertRetriedAndNothingVisible(deliver(pipeline, "incoming/fleet.csv"));
            assertRetryCommitsTheWholeInput(pipeline, "incoming/fleet.csv");
        }
    }

    @Test
    void process_getEndsEarly_messageRetriedNothingCommittedThenTheWholeLog() throws Exception {
        s3.put(BUCKET, "incoming/fleet.csv", fleet);
        try (ShortReadLayer cut = new ShortReadLayer("incoming/", fleet.length / 2, 1);
                Pipeline pipeline = pipeline(s3.connection().withHttpLayer(cut::wrap), new DrivelogAnalysisProvider().open(environment))) {
            assertRetriedAndNothingVisible(deliver(pipeline, "incoming/fleet.csv"));
            assertEquals(1, cut.cut(), "the read was really cut short");
            assertRetryCommitsTheWholeInput(pipeline, "incoming/fleet.csv");
        }
    }

    @Test
    void process_gzipGetEndsEarly_notTakenForATruncatedLog() throws Exception {
        byte[] gzip = gzip(fleet);
        s3.put(BUCKET, "incoming/fleet.csv.gz", gzip);
        // Half the compressed bytes decode to some trips, then the deflate stream ends: what a truncated file looks like.
        try (ShortReadLayer cut = new ShortReadLayer("incoming/", gzip.length / 2, 1);
                Pipeline pipeline = pipeline(s3.connection().withHttpLayer(cut::wrap), new DrivelogAnalysisProvider().open(environment))) {
            assertRetriedAndNothingVisible(deliver(pipeline, "incoming/fleet.csv.gz"));
            assertRetryCommitsTheWholeInput(pipeline, "incoming/fleet.csv.gz");
        }
    }

    @Test
    void process_gzipGetEndsBeforeAnythingDecodes_notRejectedForGood() throws Exception {
        byte[] gzip = gzip(fleet);
        s3.put(BUCKET, "incoming/fleet.csv.gz", gzip);
        // The gzip header and a few bytes: "nothing readable" would be a permanent rejection of a good log.
        try (ShortReadLayer cut = new ShortReadLayer("incoming/", 16, 1);
                Pipeline pipeline = pipeline(s3.connection().withHttpLayer(cut::wrap), new DrivelogAnalysisProvider().open(environment))) {
            assertRetriedAndNothingVisible(deliver(pipeline, "incoming/fleet.csv.gz"));
            assertRetryCommitsTheWholeInput(pipeline, "incoming/fleet.csv.gz");
        }
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}
