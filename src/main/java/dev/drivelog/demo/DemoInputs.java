package dev.drivelog.demo;

import dev.drivelog.analysis.NativeLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes the demo's sample data with the native tools: a synthetic region as OSM PBF
 * ({@code drivelog-synth}), a map from it ({@code drivelog-map build}) and simulated drive logs
 * ({@code drivelog-simulate}). Existing outputs in the work directory are reused.
 */
public final class DemoInputs {
    /** The map file and the drive logs made (or found) in the work directory. */
    public record Made(Path map, List<Path> logs) {}

    private DemoInputs() {}

    public static Made make(Path workdir, int logCount) throws IOException, InterruptedException {
        Path pbf = workdir.resolve("region.osm.pbf");
        Path map = workdir.resolve("region.dlmap");
        Path logsDir = workdir.resolve("logs");
        if (!Files.exists(pbf)) {
            runTool("drivelog-synth", List.of("--seed", "1", "--scale", "small", "--out", pbf.toString()), workdir);
        }
        if (!Files.exists(map)) {
            runTool("drivelog-map", List.of("build", "--osm", pbf.toString(), "--out", map.toString()), workdir);
        }
        if (!Files.isDirectory(logsDir) || listLogs(logsDir).size() < logCount) {
            Files.createDirectories(logsDir);
            runTool("drivelog-simulate", List.of("--map", map.toString(), "--trips", Integer.toString(logCount),
                    "--seed", "1", "--out", logsDir.toString()), workdir);
        }
        List<Path> logs = listLogs(logsDir);
        if (logs.isEmpty()) {
            throw new IOException("drivelog-simulate wrote no drive logs into " + logsDir);
        }
        return new Made(map, logs.subList(0, Math.min(logCount, logs.size())));
    }

    private static List<Path> listLogs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith(".truth.json"))
                    .sorted().toList();
        }
    }

    private static void runTool(String tool, List<String> args, Path workdir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(NativeLocation.tool(tool).toString());
        command.addAll(args);
        Path toolLog = workdir.resolve(tool + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(toolLog.toFile()).start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException(tool + " exited with " + exit + "; its output is in " + toolLog);
        }
    }
}
