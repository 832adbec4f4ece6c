package dev.drivelog.analysis;

import dev.drivelog.logs.Trip;

/**
 * Matches one trip to the reference map and finds its violations. Implementations: in-process
 * through FFM, or a native subprocess; both return the same result text for the same trip.
 * An instance is used by one thread at a time; the map behind it is shared.
 */
public interface Analyzer extends AutoCloseable {
    /**
     * Returns the trip result as JSON in the format of docs/RESULT_FORMAT.md.
     *
     * @throws AnalysisException for a failure of this trip only (bad input, native crash, timeout)
     */
    String analyze(Trip trip) throws AnalysisException;

    /**
     * The analyzer for the trips of one input: the same unless the configuration gives that input's
     * trips another vehicle class ({@code analysis.vehicles.by_input}, {@link VehicleClassAnalyzers}).
     *
     * @param inputName the input's name (an S3 key, a file name)
     */
    default Analyzer forInput(String inputName) {
        return this;
    }

    @Override
    void close();

    /** Closes every one of {@code analyzers}; the first failure is thrown once all were tried, later ones suppressed in it. */
    static void closeAll(Iterable<? extends Analyzer> analyzers) {
        RuntimeException failure = null;
        for (Analyzer analyzer : analyzers) {
            try {
                analyzer.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
