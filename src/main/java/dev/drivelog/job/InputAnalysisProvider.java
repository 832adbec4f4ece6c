package dev.drivelog.job;

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
}
