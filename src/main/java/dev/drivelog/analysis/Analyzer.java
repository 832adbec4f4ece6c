package dev.drivelog.analysis;

import dev.drivelog.logs.Trip;
import java.nio.charset.StandardCharsets;

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
     * The same result as {@link #analyze}, as its UTF-8 bytes: what the analysis reads and writes to
     * {@code trips/*.json}. The engine answers in UTF-8, so the bindings override this to hand its bytes
     * on as they are, without a String decoded from them and encoded again (docs/BENCHMARKS.md, "The
     * engine's result carried as bytes"); the caller owns the array.
     *
     * @throws AnalysisException as {@link #analyze} does
     */
    default byte[] analyzeUtf8(Trip trip) throws AnalysisException {
        return analyze(trip).getBytes(StandardCharsets.UTF_8);
    }

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
