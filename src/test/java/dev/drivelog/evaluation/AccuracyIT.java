package dev.drivelog.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.cli.DrivelogCommand;
import dev.drivelog.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on real parts: a synthetic town (drivelog-synth, drivelog-map), simulated drives at
 * 1 Hz and sigma 5 m (drivelog-simulate), the engine (drivelog-analyze) and the evaluation. The
 * thresholds sit a margin below what the engine reaches here (100 trips, seed 3: route 0.971,
 * precision 0.985, recall 0.992; per type at least 0.976 / 0.977; over seeds 3, 7, 8, 9 totals
 * 0.985-0.995 and per type no lower than 0.952 / 0.975, one error in 40 to 50 cases being worth
 * 0.02; see the accuracy section of docs/BENCHMARKS.md) and far above what a broken matcher or
 * detector gets: one that
 * cannot match against a one-way direction finds no wrong-way travel, one that ignores stop signs
 * or restrictions finds none of those, and results shifted in time or put on the wrong roads lose
 * recall and route share. Recall counts what the log shows (misses inside a receiver gap are
 * unobservable, see docs/SIMULATION.md). Raise them as the engine improves (the target:
 * 0.98 / 0.95 per type over large sets; bench/accuracy.sh measures those).
 */
class AccuracyIT {
    private static final int TRIPS = 100;

    @TempDir
    static Path dir;

    private static EvaluationReport report;

    @BeforeAll
    static void simulateAnalyseEvaluate() throws Exception {
        SimulatedAccuracy accuracy = new SimulatedAccuracy(dir);
        Path pbf = dir.resolve("town.osm.pbf");
        Path map = dir.resolve("town.dlmap");
        Path sim = dir.resolve("sim");
        Path results = dir.resolve("results");
        accuracy.run("drivelog-synth", List.of("--seed", "1", "--scale", "small", "--out", pbf.toString()));
        accuracy.run("drivelog-map", List.of("build", "--osm", pbf.toString(), "--out", map.toString()));
        // Through the Java command, which runs drivelog-simulate with the same options.
        assertEquals(ExitCodes.OK, DrivelogCommand.execute("simulate", "--map", map.toString(), "--trips",
                Integer.toString(TRIPS), "--seed", "3", "--hz", "1", "--noise-m", "5", "--violation-rate", "0.5",
                "--out", sim.toString()));
        List<String> analyze = new ArrayList<>(List.of("--map", map.toString(), "--matched", "--out", results.toString()));
        try (Stream<Path> files = Files.list(sim)) {
            files.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(p -> analyze.add(p.toString()));
        }
        accuracy.run("drivelog-analyze", analyze);
        report = new Evaluator(new TripFileReader(new ObjectMapper()), EvaluationSettings.DEFAULTS).evaluate(sim, results);
    }

    @Test
    void evaluate_simulatedTown_everyTypeOccursInTheTruth() {
        assertEquals(TRIPS, report.trips());
        for (String type : Evaluator.TYPES) {
            assertTrue(report.perType().get(type).truth() >= 30, () -> type + " too rare in the truth: " + report.perType());
        }
    }

    @Test
    void evaluate_simulatedTown_routeMatchedToTheRightWays() {
        assertTrue(report.routeCorrectFraction() >= 0.96, () -> "route correct fraction " + report.routeCorrectFraction());
    }

    @Test
    void evaluate_simulatedTown_violationsFoundWithHighPrecisionAndRecall() {
        TypeCounts totals = report.totals();
        assertTrue(totals.recall() >= 0.97, () -> "total recall " + totals.recall() + " " + report.perType());
        assertTrue(totals.precision() >= 0.97, () -> "total precision " + totals.precision() + " " + report.perType());
        for (String type : Evaluator.TYPES) {
            TypeCounts counts = report.perType().get(type);
            assertTrue(counts.recall() >= 0.93, () -> type + " recall " + counts.recall() + " " + counts);
            assertTrue(counts.precision() >= 0.92, () -> type + " precision " + counts.precision() + " " + counts);
        }
    }
}
