package dev.drivelog.analysis.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.analysis.AnalysisException;
import dev.drivelog.analysis.GridDrives;
import dev.drivelog.analysis.NativeLocation;
import dev.drivelog.logs.Trip;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The process binding against the real {@code drivelog-analyze --serve}. Faults are made from
 * outside: the child is stopped (SIGSTOP) so that a request is certainly in flight, then killed or
 * left to the timeout.
 */
class ProcessAnalyzerEngineTest {
    private static List<String> serve(Path map) {
        return ProcessAnalyzer.serveCommand(NativeLocation.tool("drivelog-analyze"), map, List.of());
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid);
    }

    @Test
    void analyze_childKilledDuringARequest_theTripIsRetriedOnAFreshChild() throws Exception {
        Trip trip = GridDrives.trips().getFirst();
        try (ProcessAnalyzer analyzer = new ProcessAnalyzer(serve(GridDrives.map()), Duration.ofSeconds(60))) {
            String expected = analyzer.analyze(trip);
            long pid = analyzer.childPid();
            signal("STOP", pid);

            CompletableFuture<String> pending = CompletableFuture.supplyAsync(() -> {
                try {
                    return analyzer.analyze(trip);
                } catch (AnalysisException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300); // the request is written to the pipe (or blocked on it): in flight either way
            assertFalse(pending.isDone(), "a stopped child cannot answer");
            signal("KILL", pid);

            assertEquals(expected, pending.get(60, TimeUnit.SECONDS));
            assertEquals(2, analyzer.childrenStarted());
        }
    }

    @Test
    void analyze_childHangs_tripTimesOutAndTheNextTripIsServed() throws Exception {
        List<Trip> trips = GridDrives.trips();
        try (ProcessAnalyzer analyzer = new ProcessAnalyzer(serve(GridDrives.map()), Duration.ofSeconds(2))) {
            signal("STOP", analyzer.childPid());

            AnalysisException e = assertThrows(AnalysisException.class, () -> analyzer.analyze(trips.get(0)));

            assertFalse(e.permanent());
            assertTrue(e.getMessage().contains(trips.get(0).tripId()), e.getMessage());
            assertTrue(analyzer.analyze(trips.get(1)).contains(trips.get(1).tripId()));
            assertEquals(2, analyzer.childrenStarted());
        }
    }

    @Test
    void constructor_missingMap_isPermanentWithTheEnginesMessage() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> new ProcessAnalyzer(serve(Path.of("/nonexistent/drivelog-test.dlmap")), Duration.ofSeconds(60)));

        assertTrue(e.permanent());
        assertTrue(e.getMessage().contains("/nonexistent/drivelog-test.dlmap"), e.getMessage());
    }
}
