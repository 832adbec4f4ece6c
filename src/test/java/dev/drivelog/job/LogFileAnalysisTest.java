package dev.drivelog.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.analysis.AnalysisException;
import dev.drivelog.analysis.Analyzer;
import dev.drivelog.logs.Trip;
import dev.drivelog.output.DirectoryOutputSink;
import dev.drivelog.output.TripOutcome;
import dev.drivelog.report.RoadContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composition reader -> analyzer -> writers, with a reader that makes trips and an analyzer that
 * answers with fixture results (the real engine is exercised by the binding tests).
 */
class LogFileAnalysisTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    private static String fixture(String name) {
        try (InputStream in = LogFileAnalysisTest.class.getResourceAsStream("/results/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Trip trip(int index) {
        int count = 10 + index;
        return new Trip("vehicle-" + index % 3, "trip-" + index, count, new double[count], new double[count],
                new double[count], null, null, null);
    }

    /** Answers "fail-*" trips with a permanent failure, every third trip with speeding, the rest clean; slower for early trips. */
    private static class FixtureAnalyzer implements Analyzer {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String analyze(Trip trip) throws AnalysisException {
            calls.incrementAndGet();
            int index = Integer.parseInt(trip.tripId().replaceAll("\\D", ""));
            try {
                Thread.sleep(Math.max(0, 20 - index)); // earlier trips finish later: order must still hold
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (index == 4) {
                throw new AnalysisException("trip " + trip.tripId() + ": bad input: too many points", true);
            }
            if (index == 5) {
                return "{\"schema\":\"drivelog.trip/9\"}";
            }
            String template = index % 3 == 0 ? fixture("speeding-and-stop.json") : fixture("no-violations.json");
            return template.replaceFirst("\"trip_id\": \"[^\"]*\"", "\"trip_id\": \"" + trip.tripId() + "\"");
        }

        @Override
        public void close() {}
    }

    /** The fixture analyzer, noting the threads it is called on. */
    private static final class EngineThreads extends FixtureAnalyzer {
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        @Override
        public String analyze(Trip trip) throws AnalysisException {
            threads.add(Thread.currentThread());
            return super.analyze(trip);
        }
    }

    private static TripSource readerOf(int trips, List<String> readProblems) {
        return (name, input, consumer) -> {
            long points = 0;
            for (int i = 0; i < trips; i++) {
                Trip trip = trip(i);
                points += trip.count();
                consumer.accept(trip);
            }
            return new TripSource.ReadResult(points + 1, readProblems);
        };
    }

    @Test
    void analyze_manyTripsInParallel_writesThemInReadOrder() throws Exception {
        List<String> order = new ArrayList<>();
        LogFileAnalysis analysis = new LogFileAnalysis(readerOf(12, List.of()), new FixtureAnalyzer(), 4, false,
                outcome -> order.add(outcome.tripId()));

        analysis.analyze("fleet.csv", new ByteArrayInputStream(new byte[0]), new DirectoryOutputSink(out, "fleet.csv", "v1"));

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add("trip-" + i);
        }
        assertEquals(expected, order);
        List<String> written = new ArrayList<>();
        JSON.readTree(out.resolve("fleet.csv/summary.json").toFile()).get("trips")
                .forEach(t -> written.add(t.get("trip_id").asText()));
        assertEquals(expected, written);
    }

    @Test
    void analyze_anInputWithItsOwnAnalyzer_sendsItsTripsThere() throws Exception {
        // An input may give its trips another vehicle class (analysis.vehicles.by_input): the analysis asks.
        FixtureAnalyzer trucks = new FixtureAnalyzer();
        List<String> asked = new ArrayList<>();
        Analyzer fleet = new FixtureAnalyzer() {
            @Override
            public Analyzer forInput(String inputName) {
                asked.add(inputName);
                return inputName.startsWith("trucks/") ? trucks : this;
            }
        };
        LogFileAnalysis analysis = new LogFileAnalysis(readerOf(3, List.of()), fleet, 2, false, outcome -> {});

        analysis.analyze("trucks/a.csv", new ByteArrayInputStream(new byte[0]), new DirectoryOutputSink(out, "a.csv", "v1"));

        assertEquals(List.of("trucks/a.csv"), asked);
        assertEquals(3, trucks.calls.get());
        assertEquals(0, ((FixtureAnalyzer) fleet).calls.get());
    }

    @Test
    void analyze_someTripsFail_reportsThemWithoutFailingTheInput() throws Exception {
        LogFileAnalysis analysis = new LogFileAnalysis(readerOf(7, List.of("fleet.csv line 3: no latitude")),
                new FixtureAnalyzer(), 2, false, outcome -> {});

        InputReport report = analysis.analyze("fleet.csv", new ByteArrayInputStream(new byte[0]),
                new DirectoryOutputSink(out, "fleet.csv", "v1"));

        assertEquals(7, report.trips());
        assertEquals(2, report.failedTrips());
        assertEquals(List.of("fleet.csv line 3: no latitude",
                "trip trip-4 failed: bad input: too many points",
                "trip trip-5 failed: trip result null has schema drivelog.trip/9, expected drivelog.trip/1.5: "
                        + "the native library and the Java side are of different versions"), report.problems());
        assertEquals(Map.of("speeding", 3, "stop_sign", 3), report.violationCounts(), "trips 0, 3 and 6");
        assertEquals(List.of("summary.json", "violations.geojson", "violations/dt=2026-11-20", "trip_summaries/dt=2026-11-20"),
                report.outputs());
        assertEquals(10 + 11 + 12 + 13 + 14 + 15 + 16 + 1, report.points(), "points as the reader counted them");
        JsonNode failed = JSON.readTree(out.resolve("fleet.csv/summary.json").toFile()).get("trips").get(4);
        assertEquals("failed", failed.get("status").asText());
        assertTrue(Files.exists(out.resolve("violations/result_version=v1/dt=2026-11-20/fleet.csv.jsonl")));
    }

    @Test
    void analyze_withReportRoads_writesReportHtmlWithEveryTripAndListsIt() throws Exception {
        LogFileAnalysis analysis = new LogFileAnalysis(readerOf(7, List.of()), new FixtureAnalyzer(), 2, false,
                outcome -> {}, (minLat, minLon, maxLat, maxLon, maxRoads) -> RoadContext.EMPTY);

        InputReport report = analysis.analyze("fleet.csv", new ByteArrayInputStream(new byte[0]),
                new DirectoryOutputSink(out, "fleet.csv", "v1"));

        assertEquals(List.of("summary.json", "violations.geojson", "violations/dt=2026-11-20", "trip_summaries/dt=2026-11-20",
                "report.html"), report.outputs());
        String html = Files.readString(out.resolve("fleet.csv/report.html"));
        for (int i = 0; i < 7; i++) {
            assertTrue(html.contains("data-trip-id=\"trip-" + i + "\""), "trip-" + i);
        }
        assertTrue(html.contains("Not analysed: bad input: too many points"));
        assertTrue(html.contains("7 trips, 6 violations"), "speeding and stop_sign in trips 0, 3 and 6");
    }

    @Test
    void analyze_fastReader_holdsAtMostTwiceThreadsTripsInFlight() throws Exception {
        int threads = 2;
        AtomicInteger handedOver = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        TripSource reader = (name, input, consumer) -> {
            for (int i = 0; i < 30; i++) {
                handedOver.incrementAndGet();
                mostInFlight.accumulateAndGet(handedOver.get() - written.get(), Math::max);
                consumer.accept(trip(i + 6)); // past the failing indexes
            }
            return new TripSource.ReadResult(0, List.of());
        };
        LogFileAnalysis analysis = new LogFileAnalysis(reader, new FixtureAnalyzer(), threads, false,
                outcome -> written.incrementAndGet());

        analysis.analyze("big.csv", new ByteArrayInputStream(new byte[0]), new DirectoryOutputSink(out, "big.csv", "v1"));

        assertEquals(30, written.get());
        assertTrue(mostInFlight.get() <= 2 * threads, "in flight at most: " + mostInFlight.get());
    }

    @Test
    void analyze_unreadableInput_isRejectedAndNothingIsAnalysed() {
        FixtureAnalyzer analyzer = new FixtureAnalyzer();
        InputRejectedException refusal = new InputRejectedException("junk.bin: not a drive log");
        LogFileAnalysis analysis = new LogFileAnalysis((name, input, consumer) -> {
            throw refusal;
        }, analyzer, 2, false, outcome -> {});

        InputRejectedException e = assertThrows(InputRejectedException.class, () -> analysis.analyze("junk.bin",
                new ByteArrayInputStream(new byte[0]), new DirectoryOutputSink(out, "junk.bin", "v1")));

        assertSame(refusal, e);
        assertEquals(0, analyzer.calls.get());
        assertTrue(Files.notExists(out.resolve("junk.bin")), "no result file was even opened");
    }

    @Test
    void constructor_zeroThreads_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new LogFileAnalysis(readerOf(1, List.of()), new FixtureAnalyzer(), 0, false, outcome -> {}));
    }

    @Test
    void analyze_outcomes_carryVehicleAndPointCounts() throws Exception {
        List<TripOutcome> outcomes = new ArrayList<>();
        new LogFileAnalysis(readerOf(2, List.of()), new FixtureAnalyzer(), 1, false, outcomes::add)
                .analyze("a.csv", new ByteArrayInputStream(new byte[0]), new DirectoryOutputSink(out, "a.csv", "v1"));

        assertEquals("vehicle-1", outcomes.get(1).vehicleId());
        assertEquals(11, outcomes.get(1).points());
    }

    @Test
    void analyze_oneTripTimesOut_failsTheInputNamingTheTripInsteadOfRecordingIt() {
        Analyzer timesOutOnTrip2 = new Analyzer() {
            private final FixtureAnalyzer fixtures = new FixtureAnalyzer();

            @Override
            public String analyze(Trip trip) throws AnalysisException {
                if (trip.tripId().equals("trip-2")) {
                    throw new AnalysisException("trip trip-2: no result within 60000 ms", false);
                }
                return fixtures.analyze(trip);
            }

            @Override
            public void close() {}
        };
        List<TripOutcome> written = new ArrayList<>();
        LogFileAnalysis analysis = new LogFileAnalysis(readerOf(4, List.of()), timesOutOnTrip2, 2, false, written::add);

        TransientTripFailureException e = assertThrows(TransientTripFailureException.class, () -> analysis.analyze("fleet.csv",
                new ByteArrayInputStream(new byte[0]), new DirectoryOutputSink(out, "fleet.csv", "v1")));

        assertTrue(e.getMessage().contains("fleet.csv: trip trip-2 failed") && e.getMessage().contains("no result within"),
                e.getMessage());
        assertEquals(List.of("trip-0", "trip-1"), written.stream().map(TripOutcome::tripId).toList(),
                "the trips before it were written, none after: the caller discards the input's files");
    }

    @Test
    void analyze_manyInputsOneAfterAnother_reuseTheWorkerThreadsWithinTheThreadLimit() throws Exception {
        int threads = 2;
        Set<Thread> engineThreads = ConcurrentHashMap.newKeySet();
        AtomicInteger inEngine = new AtomicInteger();
        AtomicInteger mostInEngine = new AtomicInteger();
        FixtureAnalyzer fixtures = new FixtureAnalyzer();
        Analyzer recording = new Analyzer() {
            @Override
            public String analyze(Trip trip) throws AnalysisException {
                engineThreads.add(Thread.currentThread());
                mostInEngine.accumulateAndGet(inEngine.incrementAndGet(), Math::max);
                try {
                    return fixtures.analyze(trip);
                } finally {
                    inEngine.decrementAndGet();
                }
            }

            @Override
            public void close() {}
        };
        int inputs = 20;
        LogFileAnalysis analysis = new LogFileAnalysis((name, input, consumer) -> {
            for (int i = 6; i < 12; i++) {
                consumer.accept(trip(i));
            }
            return new TripSource.ReadResult(0, List.of());
        }, recording, threads, false, outcome -> {});

        for (int i = 0; i < inputs; i++) {
            String name = "input-" + i + ".csv";
            assertEquals(6, analysis.analyze(name, new ByteArrayInputStream(new byte[0]),
                    new DirectoryOutputSink(out, name, "v1")).trips());
        }

        assertTrue(mostInEngine.get() <= threads, "at most " + threads + " trips in the engine, saw " + mostInEngine.get());
        // A pool per input would have started threads * inputs (40) threads.
        assertTrue(engineThreads.size() < inputs, "threads are shared by the inputs: " + engineThreads.size());
    }

    @Test
    void analyze_oneThread_callsTheEngineOnTheCallingThreadAndKeepsTheOrder() throws Exception {
        // One thread: no hand-over to a worker per trip (docs/BENCHMARKS.md, "CSV end to end, structural").
        EngineThreads recording = new EngineThreads();
        List<String> order = new ArrayList<>();
        LogFileAnalysis analysis = new LogFileAnalysis(readerOf(7, List.of()), recording, 1, false,
                outcome -> order.add(outcome.tripId()));

        InputReport report = analysis.analyze("fleet.csv", new ByteArrayInputStream(new byte[0]),
                new DirectoryOutputSink(out, "fleet.csv", "v1"));

        assertEquals(Set.of(Thread.currentThread()), recording.threads);
        assertEquals(List.of("trip-0", "trip-1", "trip-2", "trip-3", "trip-4", "trip-5", "trip-6"), order);
        assertEquals(7, report.trips());
        assertEquals(2, report.failedTrips(), "trip-4 refused, trip-5 not a result: " + report.problems());
    }

    @Test
    void analyze_oneThreadOnAVirtualThread_readsAndCallsTheEngineOnOnePlatformWorker() throws Exception {
        // A native call would pin the virtual thread's carrier, which the pipeline's transfers share; and a
        // hand-over per trip costs the handler CPU (docs/BENCHMARKS.md, "One S3 object through the Lambda handler").
        EngineThreads recording = new EngineThreads();
        Set<Thread> readers = ConcurrentHashMap.newKeySet();
        TripSource reader = (name, input, consumer) -> {
            readers.add(Thread.currentThread());
            return readerOf(7, List.of()).read(name, input, consumer);
        };
        LogFileAnalysis analysis = new LogFileAnalysis(reader, recording, 1, false, outcome -> {});

        Object answer = onVirtualThread(() -> analysis.analyze("fleet.csv", new ByteArrayInputStream(new byte[0]),
                new DirectoryOutputSink(out, "fleet.csv", "v1")));

        assertEquals(7, ((InputReport) answer).trips(), "answer: " + answer);
        assertEquals(readers, recording.threads, "the engine is called on the thread that reads");
        assertTrue(readers.size() == 1 && !readers.iterator().next().isVirtual(), "reading threads: " + readers);
    }

    @Test
    void analyze_oneThreadOnAVirtualThread_throwsTheWorkersFailuresAsTheyAre() throws Exception {
        InputRejectedException refusal = new InputRejectedException("junk.bin: not a drive log");
        LogFileAnalysis rejecting = new LogFileAnalysis((name, input, consumer) -> {
            throw refusal;
        }, new FixtureAnalyzer(), 1, false, outcome -> {});
        Analyzer transientOnTrip1 = new FixtureAnalyzer() {
            @Override
            public String analyze(Trip trip) throws AnalysisException {
                if (trip.tripId().equals("trip-1")) {
                    throw new AnalysisException("trip trip-1: internal error", false);
                }
                return super.analyze(trip);
            }
        };
        LogFileAnalysis failing = new LogFileAnalysis(readerOf(3, List.of()), transientOnTrip1, 1, false, outcome -> {});

        assertSame(refusal, onVirtualThread(() -> rejecting.analyze("junk.bin", new ByteArrayInputStream(new byte[0]),
                new DirectoryOutputSink(out, "junk.bin", "v1"))));
        Object failure = onVirtualThread(() -> failing.analyze("fleet.csv", new ByteArrayInputStream(new byte[0]),
                new DirectoryOutputSink(out, "fleet.csv", "v1")));
        assertTrue(failure instanceof TransientTripFailureException t && t.getMessage().contains("trip trip-1 failed"),
                "answer: " + failure);
    }

    /** What the call returned, or the exception it threw, on a virtual thread (the pipeline's jobs run on them). */
    private static Object onVirtualThread(java.util.concurrent.Callable<Object> call) throws InterruptedException {
        List<Object> answer = new ArrayList<>();
        Thread.ofVirtual().start(() -> {
            try {
                answer.add(call.call());
            } catch (Exception e) {
                answer.add(e);
            }
        }).join();
        return answer.getFirst();
    }
}
