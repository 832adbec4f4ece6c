package dev.drivelog.job;

import dev.drivelog.analysis.AnalysisException;
import dev.drivelog.analysis.AnalyzerPools;
import dev.drivelog.analysis.MapFingerprint;
import dev.drivelog.analysis.NativeLibrary;
import dev.drivelog.analysis.ffm.EngineSettings;
import dev.drivelog.config.DrivelogConfig;
import dev.drivelog.logs.LogFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What drivelog's results depend on besides the input: the engine's version, the map's content and
 * the settings in effect. Its {@link #version()} is part of every result key and of the dataset's
 * partition path, so the same input analysed the same way lands in the same place (a redelivery after
 * an image rebuild finds its results, reconcile finds nothing to re-send) and anything that can change
 * a result writes beside the old ones. Left out on purpose: where and when the map file was written,
 * and settings that cannot change a result (binding mode, threads, transfers, time budget).
 *
 * @param engineVersion  the native engine's release version, e.g. {@code 0.1.0}
 * @param mapFingerprint {@link MapFingerprint} of the map
 * @param engineSettings the engine's own account of its configuration ({@link EngineSettings}), defaults filled in
 * @param readerSettings the log readers' settings, the chosen format included
 * @param outputSettings what is written besides the summary: the matched path, the report
 */
public record ResultIdentity(String engineVersion, String mapFingerprint, String engineSettings, String readerSettings,
        String outputSettings) {
    private static final int VERSION_HASH_HEX_CHARS = 12;

    /**
     * @param format  the format forced on every input (the CLI's {@code --format}), or null for {@code logs.format}
     * @param matched the matched path is written
     * @param report  the HTML report is written
     * @throws AnalysisException (permanent) when the map cannot be opened or the engine refuses the settings
     */
    public static ResultIdentity of(DrivelogConfig config, Path map, LogFormat format, boolean matched, boolean report)
            throws AnalysisException {
        String engineLines = String.join("\n", AnalyzerPools.engineLines(config.analysis().engineLines(), matched || report));
        // The vehicle classes per vehicle or input change results too (only named when configured, so
        // the versions of configurations without them stay as they were).
        String vehicles = config.analysis().vehicles().describe();
        return new ResultIdentity(NativeLibrary.get().version(), MapFingerprint.of(map),
                EngineSettings.effective(engineLines) + (vehicles.isEmpty() ? "" : "\n" + vehicles),
                config.logs() + " format=" + (format == null ? "from logs.format" : format.id()),
                "matched=" + matched + " report=" + report);
    }

    /** {@code drivelog-<engine version>-<12 hex digits of a SHA-256 over everything else>}: a plain path segment. */
    public String version() {
        String all = String.join("\n", engineVersion, mapFingerprint, engineSettings, readerSettings, outputSettings);
        return "drivelog-" + engineVersion + "-" + sha256(all).substring(0, VERSION_HASH_HEX_CHARS);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
