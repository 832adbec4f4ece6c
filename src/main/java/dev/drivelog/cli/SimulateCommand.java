package dev.drivelog.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drivelog simulate}: drives random trips on a map and writes GPS logs with ground truth (native work). */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate drives on a map: writes <trip>.csv (GPS log) and <trip>.truth.json (route and "
                + "violations) per trip; deterministic by seed. Every knob: docs/SIMULATION.md."})
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--map", required = true, paramLabel = "MAP", description = "Map file.")
    Path map;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the trip files (created).")
    Path out;

    @Option(names = "--trips", defaultValue = "10", description = "Number of trips (default: ${DEFAULT-VALUE}).")
    int trips;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--hz", defaultValue = "1", description = "GPS fixes per second (default: ${DEFAULT-VALUE}).")
    double hz;

    @Option(names = "--noise-m", defaultValue = "5", paramLabel = "SIGMA",
            description = "Standard deviation of the position error per axis, metres (default: ${DEFAULT-VALUE}).")
    double noiseMeters;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "classic (independent noise, no U-turns, signals or minor roads: the default) or realistic "
                    + "(correlated and urban-canyon error, long gaps and tunnels, U-turns, red signals, car parks and "
                    + "tracks); other options override it.")
    String profile;

    @Option(names = "--violation-rate", paramLabel = "P",
            description = "Injection rate for every violation type (per trip; per stop sign for stop_sign). Default 0.3.")
    Double violationRate;

    @Option(names = "--set", paramLabel = "OPTION=VALUE",
            description = "Any other simulator option, e.g. --set outlier-rate=0.01 (see docs/SIMULATION.md).")
    List<String> extra = new ArrayList<>();

    @Override
    public Integer call() {
        if (trips < 0) {
            throw new UsageException("--trips must be >= 0, got " + trips);
        }
        if (seed < 0) {
            throw new UsageException("--seed must be >= 0, got " + seed);
        }
        List<String> args = new ArrayList<>(List.of("--map", map.toString(), "--out", out.toString(),
                "--trips", Integer.toString(trips), "--seed", Long.toString(seed),
                "--hz", Double.toString(hz), "--noise-m", Double.toString(noiseMeters)));
        if (profile != null) {
            args.addAll(List.of("--profile", profile));
        }
        if (violationRate != null) {
            args.addAll(List.of("--violation-rate", violationRate.toString()));
        }
        for (String option : extra) {
            if (!option.contains("=") || option.startsWith("-")) {
                throw new UsageException("--set expects OPTION=VALUE without dashes, got '" + option + "'");
            }
            args.add("--" + option);
        }
        return NativeTool.run("drivelog-simulate", args);
    }
}
