package dev.drivelog.analysis;

import dev.drivelog.analysis.ffm.FfmAnalyzer;
import dev.drivelog.analysis.ffm.NativeMap;
import dev.drivelog.analysis.process.ProcessAnalyzer;
import dev.drivelog.config.BindingConfig;
import dev.drivelog.config.VehicleClasses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the analyzers for a run in the binding the config asks for ({@code analysis.binding.mode}):
 * FFM analyzers on the process-wide {@link NativeMap}, or {@code drivelog-analyze --serve} children.
 * Both are given the same engine configuration, which is why their results are identical.
 */
public final class AnalyzerPools {
    /** The engine config key that adds the matched path to results (docs/RESULT_FORMAT.md). */
    static final String MATCHED_KEY = "matched";

    private AnalyzerPools() {}

    /**
     * Opens a pool of up to {@code binding.effectiveThreads()} analyzers and creates the first, so that a
     * missing map or a refused config key fails here, before any input is read.
     *
     * @param engineLines the engine's {@code key=value} settings ({@code AnalysisConfig.engineLines()})
     * @param matched     ask the engine for the matched path as well
     * @throws AnalysisException (permanent) when the map or the config is refused; the message says which
     */
    public static AnalyzerPool open(BindingConfig binding, Path map, List<String> engineLines, boolean matched)
            throws AnalysisException {
        List<String> lines = engineLines(engineLines, matched);
        AnalyzerPool.Factory factory = switch (binding.mode()) {
            case FFM -> {
                NativeMap shared = NativeMap.shared(map);
                String text = String.join("\n", lines);
                yield () -> new FfmAnalyzer(shared, text);
            }
            case PROCESS -> {
                List<String> command = ProcessAnalyzer.serveCommand(NativeLocation.tool("drivelog-analyze"), map, lines);
                Duration timeout = Duration.ofMillis(Math.round(binding.processTimeoutSeconds() * 1000));
                yield () -> new ProcessAnalyzer(command, timeout);
            }
        };
        AnalyzerPool pool = new AnalyzerPool(factory, binding.effectiveThreads());
        try {
            pool.warmUp();
        } catch (AnalysisException | RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    /**
     * Like {@link #open}, for trips of several vehicle classes: each trip is analysed by a pool whose
     * {@code vehicle_class} is the one {@code vehicles} gives it (opened at the class's first trip).
     */
    public static VehicleClassAnalyzers openPerVehicleClass(BindingConfig binding, Path map, List<String> engineLines,
                                                            boolean matched, VehicleClasses vehicles) throws AnalysisException {
        return new VehicleClassAnalyzers(vehicles, engineLines, lines -> open(binding, map, lines, matched));
    }

    /**
     * Loads the native library, opens {@code map} as the process's shared map and links the engine's
     * downcalls, ahead of {@link #open} (on a thread of its own during a container's init).
     *
     * @throws AnalysisException (permanent) when the map is refused
     */
    public static void prepare(Path map) throws AnalysisException {
        NativeMap.prepare(map);
    }

    /** The lines the analyzers are given: {@code engineLines}, with {@code matched=true} when the path is asked for. */
    public static List<String> engineLines(List<String> engineLines, boolean matched) {
        List<String> lines = new ArrayList<>(engineLines);
        if (matched) {
            lines.removeIf(line -> line.startsWith(MATCHED_KEY + "="));
            lines.add(MATCHED_KEY + "=true");
        }
        return lines;
    }
}
