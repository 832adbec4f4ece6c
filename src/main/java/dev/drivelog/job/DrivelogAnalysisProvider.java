package dev.drivelog.job;

import dev.drivelog.analysis.AnalysisException;
import dev.drivelog.analysis.VehicleClassAnalyzers;
import dev.drivelog.analysis.AnalyzerPools;
import dev.drivelog.config.BindingConfig;
import dev.drivelog.config.DrivelogConfig;
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
    @Override
    public String name() {
        return "drivelog";
    }

    /** {@link ResultIdentity#version()} of the map and the settings the environment configures. */
    @Override
    public String version(Map<String, String> environment) {
        DrivelogConfig config = PipelineSettings.loadConfig(environment);
        Path map = mapPath(environment);
        try {
            return ResultIdentity.of(config, map, null, config.output().matched(), config.output().report()).version();
        } catch (AnalysisException e) {
            throw new IllegalStateException("cannot derive the result version from map " + map + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputAnalysis open(Map<String, String> environment) throws IOException {
        DrivelogConfig config = PipelineSettings.loadConfig(environment);
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
        return new LogFileAnalysis(new LogsTripSource(config.logs(), null), analyzers, threads, matched,
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
