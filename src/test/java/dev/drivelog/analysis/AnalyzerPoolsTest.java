package dev.drivelog.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.config.BindingConfig;
import dev.drivelog.config.BindingMode;
import dev.drivelog.logs.Trip;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pools opened as the application opens them, used by several threads at once, on the real engine. */
class AnalyzerPoolsTest {
    @ParameterizedTest
    @EnumSource(BindingMode.class)
    void analyze_concurrentCallers_getTheSameResultsAsOneAtATime(BindingMode mode) throws Exception {
        List<Trip> trips = GridDrives.trips();
        try (AnalyzerPool pool = AnalyzerPools.open(new BindingConfig(mode, 3, 60), GridDrives.map(), List.of(), false)) {
            List<String> oneAtATime = new ArrayList<>();
            for (Trip trip : trips) {
                oneAtATime.add(pool.analyze(trip));
            }
            ExecutorService callers = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (int round = 0; round < 6; round++) {
                    for (Trip trip : trips) {
                        results.add(callers.submit(() -> pool.analyze(trip)));
                    }
                }
                for (int i = 0; i < results.size(); i++) {
                    assertEquals(oneAtATime.get(i % trips.size()), results.get(i).get(60, TimeUnit.SECONDS), "call " + i);
                }
            } finally {
                callers.shutdown();
            }
            assertTrue(pool.created() <= 3, "at most the configured analyzers: " + pool.created());
        }
    }

    @ParameterizedTest
    @EnumSource(BindingMode.class)
    void open_refusedEngineKey_failsPermanentlyBeforeAnyTrip(BindingMode mode) {
        AnalysisException e = assertThrows(AnalysisException.class, () -> AnalyzerPools.open(
                new BindingConfig(mode, 1, 60), GridDrives.map(), List.of("speeding.no_such_key=1"), false));

        assertTrue(e.permanent());
        assertTrue(e.getMessage().contains("speeding.no_such_key"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(BindingMode.class)
    void open_missingMap_failsNamingIt(BindingMode mode) {
        AnalysisException e = assertThrows(AnalysisException.class, () -> AnalyzerPools.open(
                new BindingConfig(mode, 1, 60), Path.of("/nonexistent/pools-test.dlmap"), List.of(), false));

        assertTrue(e.getMessage().contains("/nonexistent/pools-test.dlmap"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(BindingMode.class)
    void open_matchedWanted_overridesAnEngineLineSayingOtherwise(BindingMode mode) throws Exception {
        try (AnalyzerPool pool = AnalyzerPools.open(new BindingConfig(mode, 1, 60), GridDrives.map(),
                List.of("matched=false"), true)) {
            assertTrue(pool.analyze(GridDrives.trips().getFirst()).contains("\"matched\":["));
        }
        try (AnalyzerPool pool = AnalyzerPools.open(new BindingConfig(mode, 1, 60), GridDrives.map(),
                List.of("matched=false"), false)) {
            assertFalse(pool.analyze(GridDrives.trips().getFirst()).contains("\"matched\":["));
        }
    }
}
