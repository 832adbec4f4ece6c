package dev.drivelog.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.analysis.NativeLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The accuracy tests' pipeline on real parts: simulated drives on a map (drivelog-simulate), the
 * engine (drivelog-analyze --matched) and the evaluation, in one directory.
 */
final class SimulatedAccuracy {
    private final Path dir;

    SimulatedAccuracy(Path dir) {
        this.dir = dir;
    }

    /** Builds a map from an OSM file with drivelog-map. */
    Path buildMap(Path osm, String name) throws IOException, InterruptedException {
        Path map = dir.resolve(name + ".dlmap");
        run("drivelog-map", List.of("build", "--osm", osm.toString(), "--out", map.toString()));
        return map;
    }

    /** Simulates with `options`, analyses with the engine's defaults and evaluates, in dir/name. */
    EvaluationReport evaluate(Path map, String name, List<String> options) throws IOException, InterruptedException {
        Path sim = dir.resolve(name).resolve("sim");
        Path results = dir.resolve(name).resolve("results");
        List<String> simulate = new ArrayList<>(List.of("--map", map.toString(), "--out", sim.toString()));
        simulate.addAll(options);
        run("drivelog-simulate", simulate);
        List<String> analyze = new ArrayList<>(List.of("--map", map.toString(), "--matched", "--out", results.toString()));
        try (Stream<Path> files = Files.list(sim)) {
            files.filter(p -> p.toString().endsWith(".csv")).sorted().forEach(p -> analyze.add(p.toString()));
        }
        run("drivelog-analyze", analyze);
        return new Evaluator(new TripFileReader(new ObjectMapper()), EvaluationSettings.DEFAULTS).evaluate(sim, results);
    }

    void run(String tool, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(NativeLocation.tool(tool).toString());
        command.addAll(args);
        Path log = dir.resolve(tool + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(tool + " did not finish; output in " + log);
        }
        assertEquals(0, process.exitValue(), () -> tool + " failed: " + readQuietly(log));
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
