package dev.drivelog.job;

import dev.drivelog.config.DrivelogConfig;
import java.io.IOException;
import java.util.Map;

/**
 * Makes the {@link InputAnalysis} the pipeline runs, found with {@link java.util.ServiceLoader}
 * (register in {@code META-INF/services/dev.drivelog.job.InputAnalysisProvider}). The Lambda
 * handler is built by the runtime with no arguments, so this is how it gets its analysis.
 */
public interface InputAnalysisProvider {
    /** Short name used to pick one when several are present ({@code DRIVELOG_ANALYSIS}). */
    String name();

    /** Engine and configuration identity: part of every result prefix, so a change reanalyses. */
    String version(Map<String, String> environment);

    /** Builds the analysis once per container (loads the map, reads the configuration). */
    InputAnalysis open(Map<String, String> environment) throws IOException;

    /**
     * Starts, on threads of its own, what {@link #open} will need that depends on no configuration
     * (a native library, a map file), so that it overlaps the rest of a container's init. Never
     * throws: a failure there is met again, and reported, by {@link #open}. Default: nothing.
     */
    default void prepare(Map<String, String> environment) {
    }

    /**
     * {@link #open(Map)} with the configuration already read from {@code environment}
     * ({@code PipelineSettings.loadConfig}), so that a container parses it once.
     */
    default InputAnalysis open(Map<String, String> environment, DrivelogConfig config) throws IOException {
        return open(environment);
    }

    /** {@link #version(Map)} with the configuration already read from {@code environment}. */
    default String version(Map<String, String> environment, DrivelogConfig config) {
        return version(environment);
    }
}
