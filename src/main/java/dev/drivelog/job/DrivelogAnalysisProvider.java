package dev.drivelog.job;

import dev.drivelog.analysis.AnalysisException;
import dev.drivelog.analysis.AnalyzerPool;
import dev.drivelog.analysis.AnalyzerPools;
import dev.drivelog.analysis.NativeLibrary;
import dev.drivelog.config.BindingConfig;
import dev.drivelog.config.DrivelogConfig;
import dev.drivelog.report.MapRoads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /** Engine version plus a fingerprint of configuration and map, so that changing either reanalyses. */
    @Override
    public String version(Map<String, String> environment) {
        StringBuilder identity = new StringBuilder(NativeLibrary.get().version());
        DrivelogConfig config = PipelineSettings.loadConfig(environment);
        identity.append('\n').append(config.logs()).append('\n').append(config.analysis()).append('\n').append(config.output());
        Path map = mapPath(environment);
        try {
            identity.append('\n').append(map.toAbsolutePath()).append(' ').append(Files.size(map)).append(' ')
                    .append(Files.getLastModifiedTime(map).toMillis());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the map " + map + ": " + e.getMessage(), e);
        }
        return "drivelog-" + NativeLibrary.get().version() + "-" + sha256(identity.toString()).substring(0, 12);
    }

    @Override
    public InputAnalysis open(Map<String, String> environment) throws IOException {
        DrivelogConfig config = PipelineSettings.loadConfig(environment);
        Path map = mapPath(environment);
        BindingConfig binding = config.analysis().binding();
        boolean matched = config.output().matched();
        // The report draws the matched path, so the engine returns it whenever the report is on.
        boolean report = config.output().report();
        AnalyzerPool analyzers;
        try {
            analyzers = AnalyzerPools.open(binding, map, config.analysis().engineLines(), matched || report);
        } catch (AnalysisException e) {
            throw new IOException("cannot open the engine with map " + map + ": " + e.getMessage(), e);
        }
        return new LogFileAnalysis(new LogsTripSource(config.logs(), null), analyzers, binding.effectiveThreads(), matched,
                outcome -> { }, report ? new MapRoads(map) : null);
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

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
