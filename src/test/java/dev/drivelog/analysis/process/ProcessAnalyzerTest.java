package dev.drivelog.analysis.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.analysis.AnalysisException;
import dev.drivelog.logs.Trip;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process binding's framing and failure handling, against {@link FakeServeEngine} children. */
class ProcessAnalyzerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private static List<String> fakeEngine(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FakeServeEngine.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static Trip trip(String id, int count) {
        double[] time = new double[count + 3];
        double[] lat = new double[count + 3];
        double[] lon = new double[count + 3];
        float[] speed = new float[count + 3];
        for (int i = 0; i < time.length; i++) {
            time[i] = 1795161600.0 + i;
            lat[i] = 52.5 + i * 1e-5;
            lon[i] = 13.4 - i * 1e-5;
            speed[i] = i % 2 == 0 ? 10.5f : Float.NaN;
        }
        return new Trip("vehicle-1", id, count, time, lat, lon, speed, null, null);
    }

    @Test
    void analyze_tripsInSequence_sendsColumnsExactlyAndKeepsOneChild() throws Exception {
        try (ProcessAnalyzer analyzer = new ProcessAnalyzer(fakeEngine(), GENEROUS)) {
            JsonNode first = JSON.readTree(analyzer.analyze(trip("vehicle-1/a", 5)));
            JsonNode second = JSON.readTree(analyzer.analyze(trip("vehicle-1/b", 20_000)));

            assertEquals("vehicle-1/a", first.get("trip_id").asText());
            assertEquals(5, first.get("count").asInt(), "only count points go, not the spare capacity");
            assertEquals(5 * 1795161600.0 + 10, first.get("time_sum").asDouble(), 1e-3);
            assertEquals(5 * 52.5 + 10e-5, first.get("lat_sum").asDouble(), 1e-6);
            assertEquals(5 * 13.4 - 10e-5, first.get("lon_sum").asDouble(), 1e-6);
            assertEquals(3 * 10.5, first.get("speed_sum").asDouble(), 1e-3);
            assertEquals(2, first.get("speed_nan").asInt());
            assertEquals(5, first.get("heading_nan").asInt(), "a missing column is sent as NaN");
            assertEquals(20_000, second.get("count").asInt());
            assertEquals(1, analyzer.childrenStarted());
        }
    }

    @Test
    void analyze_childCrashesOnATrip_failsThatTripPermanentlyAndServesTheNext() throws Exception {
        try (ProcessAnalyzer analyzer = new ProcessAnalyzer(fakeEngine(), GENEROUS)) {
            AnalysisException e = assertThrows(AnalysisException.class, () -> analyzer.analyze(trip("crash-me", 3)));

            assertTrue(e.permanent(), "dying twice on the same trip marks the trip as the cause");
            assertTrue(e.getMessage().contains("crash-me") && e.getMessage().contains("exit code 134"), e.getMessage());
            assertTrue(e.getMessage().contains("fake engine: crashing on crash-me"), "stderr is quoted: " + e.getMessage());
            assertEquals("ok-after-crash", JSON.readTree(analyzer.analyze(trip("ok-after-crash", 3))).get("trip_id").asText());
            assertEquals(3, analyzer.childrenStarted(), "first child, the retry's child, a fresh one for the next trip");
        }
    }

    @Test
    void analyze_childDiesOnce_retriesOnAFreshChildAndSucceeds() throws Exception {
        String tripId = "crash-once:" + temp.resolve("died");
        try (ProcessAnalyzer analyzer = new ProcessAnalyzer(fakeEngine(), GENEROUS)) {
            assertEquals(tripId, JSON.readTree(analyzer.analyze(trip(tripId, 4))).get("trip_id").asText());
            assertEquals(2, analyzer.childrenStarted());
        }
    }

    @Test
    void analyze_childKilledWhileIdle_nextTripRunsOnAFreshChild() throws Exception {
        try (ProcessAnalyzer analyzer = new ProcessAnalyzer(fakeEngine(), GENEROUS)) {
            analyzer.analyze(trip("before", 2));
            ProcessHandle victim = ProcessHandle.of(analyzer.childPid()).orElseThrow();
            victim.destroyForcibly();
            victim.onExit().get(30, TimeUnit.SECONDS);

            assertEquals("after", JSON.readTree(analyzer.analyze(trip("after", 2))).get("trip_id").asText());
            assertNotEquals(victim.pid(), analyzer.childPid());
        }
    }

    @Test
    void analyze_tripRunsPastTimeout_failsNotPermanentlyAndNextTripGetsAFreshChild() throws Exception {
        try (ProcessAnalyzer analyzer = new ProcessAnalyzer(fakeEngine(), Duration.ofSeconds(3))) {
            long hungPid = analyzer.childPid();
            AnalysisException e = assertThrows(AnalysisException.class, () -> analyzer.analyze(trip("hang-forever", 2)));

            assertFalse(e.permanent());
            assertTrue(e.getMessage().contains("no result within 3000 ms"), e.getMessage());
            assertFalse(ProcessHandle.of(hungPid).map(ProcessHandle::isAlive).orElse(false), "the hung child is killed");
            assertEquals("next", JSON.readTree(analyzer.analyze(trip("next", 2))).get("trip_id").asText());
            assertEquals(2, analyzer.childrenStarted());
        }
    }

    @Test
    void analyze_engineRefusesInput_failsPermanentlyAndTheChildGoesOn() throws Exception {
        try (ProcessAnalyzer analyzer = new ProcessAnalyzer(fakeEngine(), GENEROUS)) {
            AnalysisException e = assertThrows(AnalysisException.class, () -> analyzer.analyze(trip("refuse-this", 2)));

            assertTrue(e.permanent());
            assertTrue(e.getMessage().contains("more points than the limit"), e.getMessage());
            analyzer.analyze(trip("fine", 2));
            assertEquals(1, analyzer.childrenStarted());
        }
    }

    @Test
    void constructor_childRefusesToStart_isPermanentWithTheChildsMessage() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> new ProcessAnalyzer(fakeEngine("--fail-hello"), GENEROUS));

        assertTrue(e.permanent());
        assertTrue(e.getMessage().contains("cannot open map /nowhere.dlmap"), e.getMessage());
    }

    @Test
    void constructor_missingExecutable_isPermanent() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> new ProcessAnalyzer(List.of(temp.resolve("no-such-tool").toString()), GENEROUS));

        assertTrue(e.permanent());
    }

    @Test
    void close_endsTheChild() throws Exception {
        ProcessAnalyzer analyzer = new ProcessAnalyzer(fakeEngine(), GENEROUS);
        ProcessHandle child = ProcessHandle.of(analyzer.childPid()).orElseThrow();

        analyzer.close();

        assertFalse(child.isAlive());
    }
}
