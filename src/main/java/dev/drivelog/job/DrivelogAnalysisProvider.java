package dev.drivelog.job;

import dev.drivelog.analysis.AnalysisException;
import dev.drivelog.analysis.AnalyzerPools;
import dev.drivelog.analysis.NativeLibrary;
import dev.drivelog.analysis.VehicleClassAnalyzers;
import dev.drivelog.analysis.ffm.NativeCsvScanner;
import dev.drivelog.analysis.ffm.NativeGpxScanner;
import dev.drivelog.analysis.ffm.NativeNmeaScanner;
import dev.drivelog.analysis.ffm.NativeJsonLinesScanner;
import dev.drivelog.config.BindingConfig;
import dev.drivelog.config.DrivelogConfig;
import dev.drivelog.observability.StartupTrace;
import dev.drivelog.report.MapRoads;
import dev.drivelog.report.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The pipeline's real analysis, "drivelog": {@link LogFileAnalysis} over the native engine, with the
 * map named by {@code DRIVELOG_MAP} and the configuration of {@code DRIVELOG_CONFIG} (plus
 * {@code DRIVELOG_*__*} overrides). The analyzer pool lives as long as the container.
 */
public final class DrivelogAnalysisProvider implements InputAnalysisProvider {
    private volatile Thread preparing;

    @Override
    public String name() {
        return "drivelog";
    }

    /** {@link ResultIdentity#version()} of the map and the settings the environment configures. */
    @Override
    public String version(Map<String, String> environment) {
        return version(environment, PipelineSettings.loadConfig(environment));
    }

    @Override
    public String version(Map<String, String> environment, DrivelogConfig config) {
        Path map = mapPath(environment);
        String version;
        try {
            version = ResultIdentity.of(config, map, null, config.output().matched(), config.output().report()).version();
        } catch (AnalysisException e) {
            throw new IllegalStateException("cannot derive the result version from map " + map + ": " + e.getMessage(), e);
        }
        awaitPrepared();
        return version;
    }

    /** The rest of {@link #prepare} (the analysing downcall) is done before init ends, not in the first event. */
    private void awaitPrepared() {
        Thread thread = preparing;
        if (thread == null) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Loads the native library, opens the map and links the engine's downcalls and the CSV scanner's on a thread of its
     * own (about a third of the handler's init in the image, where the JDK spins each downcall's method
     * handles on first use), while the caller reads the configuration and builds the S3 client.
     * Needed whatever the binding mode: the result version asks the library for the engine's version
     * and the map's checksums. {@link #version(Map, DrivelogConfig)} waits for it, so that it is
     * done within init.
     */
    @Override
    public void prepare(Map<String, String> environment) {
        String map = environment.get("DRIVELOG_MAP");
        if (preparing != null || map == null || map.isBlank() || !Files.isRegularFile(Path.of(map))) {
            return;  // open() says what is wrong
        }
        preparing = Thread.ofPlatform().name("init-native").daemon().start(() -> {
            try {
                AnalyzerPools.prepare(Path.of(map));
                NativeLibrary.get().version();
                // CSV, the fleets' common export, is linked here rather than in its first event. The
                // JSON Lines, GPX and NMEA scanners are linked when a log of theirs is first read: each
                // link spins the JDK's classes for a downcall, which no CSV event should wait for in init.
                NativeCsvScanner.get();
                StartupTrace.mark("native prepared");
            } catch (AnalysisException | RuntimeException | LinkageError e) {
                // open() and version() meet the same failure on the caller's thread and report it there.
            }
        });
    }

    @Override
    public InputAnalysis open(Map<String, String> environment) throws IOException {
        return open(environment, PipelineSettings.loadConfig(environment));
    }

    @Override
    public InputAnalysis open(Map<String, String> environment, DrivelogConfig config) throws IOException {
        Path map = mapPath(environment);
        BindingConfig binding = config.analysis().binding();
        boolean matched = config.output().matched();
        // The report draws the matched path, so the engine returns it whenever the report is on.
        boolean report = config.output().report();
        VehicleClassAnalyzers analyzers;
        try {
            analyzers = AnalyzerPools.openPerVehicleClass(binding, map, config.analysis().engineLines(), matched || report,
                    config.analysis().vehicles());
        } catch (AnalysisException e) {
            throw new IOException("cannot open the engine with map " + map + ": " + e.getMessage(), e);
        }
        int threads = PipelineSettings.threadsPerInput(binding.threads(),
                PipelineSettings.from(config.pipeline()).analysisConcurrency(), Runtime.getRuntime().availableProcessors());
        LogsTripSource logs = new LogsTripSource(config.logs(), null, NativeCsvScanner.forBinding(binding.mode()),
                NativeJsonLinesScanner.forBinding(binding.mode()), NativeGpxScanner.forBinding(binding.mode()),
                NativeNmeaScanner.forBinding(binding.mode()));
        return new LogFileAnalysis(logs, analyzers, threads, matched,
                outcome -> { }, report ? new MapRoads(map) : null, Messages.of(config.report(), java.time.ZoneOffset.UTC));
    }

    private static Path mapPath(Map<String, String> environment) {
        String map = environment.get("DRIVELOG_MAP");
        if (map == null || map.isBlank()) {
            throw new IllegalStateException("DRIVELOG_MAP is not set: it must name the map file (drivelog map build)");
        }
        Path path = Path.of(map);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("DRIVELOG_MAP=" + map + ": no such file");
        }
        return path;
    }
}
