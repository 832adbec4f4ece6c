package dev.drivelog.cli;

import dev.drivelog.analysis.AnalysisException;
import dev.drivelog.analysis.VehicleClassAnalyzers;
import dev.drivelog.analysis.AnalyzerPools;
import dev.drivelog.analysis.ffm.NativeCsvScanner;
import dev.drivelog.analysis.ffm.NativeGpxScanner;
import dev.drivelog.analysis.ffm.NativeNmeaScanner;
import dev.drivelog.analysis.ffm.NativeJsonLinesScanner;
import dev.drivelog.config.BindingConfig;
import dev.drivelog.config.BindingMode;
import dev.drivelog.config.ConfigException;
import dev.drivelog.config.ConfigLoader;
import dev.drivelog.config.DrivelogConfig;
import dev.drivelog.job.InputRejectedException;
import dev.drivelog.job.InputReport;
import dev.drivelog.job.LogFileAnalysis;
import dev.drivelog.job.LogsTripSource;
import dev.drivelog.job.ResultIdentity;
import dev.drivelog.logs.LogFormat;
import dev.drivelog.output.DirectoryOutputSink;
import dev.drivelog.report.MapRoads;
import dev.drivelog.report.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drivelog analyze}: analyses drive-log files against a map and writes, per input,
 * {@code <out>/<input>/summary.json} and {@code violations.geojson}, the Athena JSON Lines under
 * {@code <out>/violations/result_version=.../dt=.../}, and each trip's result under {@code <out>/trips/}.
 */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {"Find violations in drive logs (CSV, JSON Lines, NMEA, GPX; plain or gzip) against a map.",
                "Writes <out>/<input>/summary.json and violations.geojson, "
                        + "<out>/violations/result_version=<version>/dt=YYYY-MM-DD/<input>.jsonl "
                        + "(Athena) and <out>/trips/<input stem>[.<n>].json (each trip's result), and prints a line per trip.",
                "Exit codes: 0 ok, 1 some inputs failed, 2 usage or config error."})
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--map", required = true, paramLabel = "MAP", description = "Map file (drivelog map build).")
    Path map;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file (default: built-in defaults; see config/drivelog.yaml).")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "drivelog-results",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Trips analysed at once (default: analysis.binding.threads; 0 there means one per vCPU).")
    Integer threads;

    @Option(names = "--mode", paramLabel = "ffm|process",
            description = "Call the engine in-process (ffm) or in child processes (process); default: analysis.binding.mode.")
    String mode;

    @Option(names = "--matched", description = "Also write the matched path (way ids, road names) into violations.geojson.")
    boolean matched;

    @Option(names = "--report", description = "Also write <out>/<input>/report.html: map, speed profile and violations "
            + "of every trip in one self-contained page (docs/REPORT.md).")
    boolean htmlReport;

    @Option(names = "--format", paramLabel = "csv|jsonl|nmea|gpx", description = "Assume this format instead of detecting it.")
    String format;

    @Option(names = "--stats", description = "Print one JSON line to stderr: points, seconds, threads, points_per_second, "
            + "input_cpu_s (the process's CPU seconds each input took).")
    boolean stats;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Drive-log files.")
    List<Path> files;

    @Override
    public Integer call() {
        DrivelogConfig settings = loadConfig();
        BindingConfig binding = binding(settings.analysis().binding());
        LogFormat chosenFormat = format == null ? null : parseFormat(format);
        boolean withMatched = matched || settings.output().matched();
        boolean withReport = htmlReport || settings.output().report();
        checkInputs();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();

        VehicleClassAnalyzers analyzers;
        String resultVersion;
        try {
            resultVersion = ResultIdentity.of(settings, map, chosenFormat, withMatched, withReport).version();
            analyzers = AnalyzerPools.openPerVehicleClass(binding, map, settings.analysis().engineLines(),
                    withMatched || withReport, settings.analysis().vehicles());
        } catch (AnalysisException e) {
            throw new UsageException(e.getMessage());
        }
        int failedInputs = 0;
        long points = 0;
        long startNanos = System.nanoTime();
        // Per input, the whole process's CPU (every thread, the JIT and GC included): with renamed copies of
        // one input, the later copies' figures are its steady cost without start-up (bench/analyze-e2e.sh).
        ProcessCpu cpu = stats ? new ProcessCpu() : null;
        List<Double> inputCpuSeconds = new ArrayList<>();
        try (analyzers) {
            LogsTripSource source = new LogsTripSource(settings.logs(), chosenFormat,
                    NativeCsvScanner.forBinding(binding.mode()), NativeJsonLinesScanner.forBinding(binding.mode()),
                    NativeGpxScanner.forBinding(binding.mode()), NativeNmeaScanner.forBinding(binding.mode()));
            TripTable table = new TripTable(stdout);
            table.header();
            // One analysis for every file (its worker threads are reused); trips go to the current file's directory.
            AtomicReference<TripResultDirectory> tripFiles = new AtomicReference<>();
            LogFileAnalysis analysis = new LogFileAnalysis(source, analyzers, binding.effectiveThreads(), withMatched,
                    outcome -> {
                        tripFiles.get().write(outcome);
                        table.row(outcome);
                    }, withReport ? new MapRoads(map) : null, Messages.of(settings.report(), java.time.ZoneOffset.UTC));
            for (Path file : files) {
                String name = file.getFileName().toString();
                long cpuBefore = cpu == null ? 0 : cpu.nanos();
                DirectoryOutputSink sink = new DirectoryOutputSink(out, name, resultVersion);
                try (InputStream input = Files.newInputStream(file)) {
                    tripFiles.set(new TripResultDirectory(out, name));
                    InputReport report = analysis.analyze(name, input, sink);
                    points += report.points();
                    stdout.printf(Locale.ROOT, "%s: %d trips%s, %d violations -> %s%n", name, report.trips(),
                            report.failedTrips() == 0 ? "" : " (" + report.failedTrips() + " failed)",
                            report.violations(), sink.inputDirectory());
                    report.problems().forEach(problem -> stderr.println("  " + problem));
                } catch (InputRejectedException | IOException | UncheckedIOException e) {
                    failedInputs++;
                    stderr.println("drivelog analyze: " + name + " failed: " + e.getMessage());
                    discard(sink, stderr);
                }
                stdout.flush();
                if (cpu != null) {
                    inputCpuSeconds.add((cpu.nanos() - cpuBefore) / 1e9);
                }
            }
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (stats) {
            printStats(stderr, points, seconds, binding, inputCpuSeconds);
        }
        return failedInputs == 0 ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    private DrivelogConfig loadConfig() {
        try {
            return config == null ? ConfigLoader.fromEnvironment(System.getenv()) : ConfigLoader.load(config, System.getenv());
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private BindingConfig binding(BindingConfig configured) {
        BindingMode chosenMode = configured.mode();
        if (mode != null) {
            chosenMode = switch (mode.toLowerCase(Locale.ROOT)) {
                case "ffm" -> BindingMode.FFM;
                case "process" -> BindingMode.PROCESS;
                default -> throw new UsageException("--mode must be ffm or process, not '" + mode + "'");
            };
        }
        int chosenThreads = configured.threads();
        if (threads != null) {
            if (threads < 1 || threads > 1024) {
                throw new UsageException("--threads must be between 1 and 1024, not " + threads);
            }
            chosenThreads = threads;
        }
        return new BindingConfig(chosenMode, chosenThreads, configured.processTimeoutSeconds());
    }

    private static LogFormat parseFormat(String text) {
        for (LogFormat candidate : LogFormat.values()) {
            if (candidate.id().equals(text.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        throw new UsageException("--format must be csv, jsonl, nmea or gpx, not '" + text + "'");
    }

    private void checkInputs() {
        if (!Files.isRegularFile(map)) {
            throw new UsageException("map file not found: " + map);
        }
        Set<String> names = new HashSet<>();
        for (Path file : files) {
            if (Files.isDirectory(file)) {
                // Not read as a folder of logs: one may hold other files (a simulation's truth next
                // to its drives), and the shell already names exactly the ones meant.
                throw new UsageException("input is a directory, not a log file: " + file
                        + " (name its logs, e.g. " + file.resolve("*.csv") + ")");
            }
            if (!Files.isRegularFile(file)) {
                throw new UsageException("input file not found: " + file);
            }
            if (!names.add(file.getFileName().toString())) {
                throw new UsageException("two inputs are named " + file.getFileName()
                        + ": their outputs would collide under " + out);
            }
        }
    }

    private static void discard(DirectoryOutputSink sink, PrintWriter stderr) {
        try {
            sink.discardUnfinished();
        } catch (IOException e) {
            stderr.println("drivelog analyze: could not remove unfinished files: " + e.getMessage());
        }
    }

    private static void printStats(PrintWriter stderr, long points, double seconds, BindingConfig binding,
            List<Double> inputCpuSeconds) {
        int threadCount = binding.effectiveThreads();
        double perSecond = seconds > 0 ? points / seconds : 0;
        StringBuilder inputs = new StringBuilder();
        for (double input : inputCpuSeconds) {
            inputs.append(inputs.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "%.3f", input));
        }
        // points_per_second is per thread (per core when threads <= cores), as issue 3 asks; the total beside it.
        stderr.printf(Locale.ROOT, "{\"points\":%d,\"seconds\":%.3f,\"threads\":%d,\"points_per_second\":%.1f,"
                        + "\"points_per_second_total\":%.1f,\"mode\":\"%s\",\"input_cpu_s\":[%s]}%n",
                points, seconds, threadCount, perSecond / threadCount, perSecond,
                binding.mode().name().toLowerCase(Locale.ROOT), inputs);
        stderr.flush();
    }
}
