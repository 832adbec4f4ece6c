package dev.drivelog.job;

import dev.drivelog.analysis.AnalysisException;
import dev.drivelog.analysis.Analyzer;
import dev.drivelog.analysis.result.TripResult;
import dev.drivelog.analysis.result.TripResultParser;
import dev.drivelog.logs.Trip;
import dev.drivelog.output.ResultFiles;
import dev.drivelog.output.TripOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The {@link InputAnalysis} of drivelog: reads an input into trips ({@link TripSource}), analyses up
 * to {@code threads} trips at once ({@link Analyzer}, shared and thread safe, e.g. an analyzer
 * pool), and writes the result files ({@link ResultFiles}) in the order the trips were read.
 *
 * <p>Memory stays bounded: at most {@code 2 x threads} trips are between the reader and the writers
 * (the reader waits while that window is full). A trip that cannot be analysed is recorded as failed
 * in the outputs and the report's problems, never failing the input; an unreadable input is an
 * {@link InputRejectedException}. The analyzer is not closed here: it belongs to the caller.
 */
public final class LogFileAnalysis implements InputAnalysis {
    private final TripSource reader;
    private final Analyzer analyzer;
    private final int threads;
    private final boolean matched;
    private final Consumer<TripOutcome> onTrip;
    private final TripResultParser parser = new TripResultParser();

    /**
     * @param analyzer thread safe (used by {@code threads} threads at once); not closed by this class
     * @param matched  write the matched path into the GeoJSON (the analyzer must be configured to return it)
     * @param onTrip   told of each trip's outcome in output order, on the calling thread (e.g. a CLI table)
     */
    public LogFileAnalysis(TripSource reader, Analyzer analyzer, int threads, boolean matched, Consumer<TripOutcome> onTrip) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.reader = reader;
        this.analyzer = analyzer;
        this.threads = threads;
        this.matched = matched;
        this.onTrip = onTrip;
    }

    @Override
    public InputReport analyze(String name, InputStream input, OutputSink sink) throws IOException, InputRejectedException {
        // Opened with the first trip (or at the end), so that an input rejected up front opens no file.
        LazyResultFiles files = new LazyResultFiles(sink, name);
        List<String> tripProblems = new ArrayList<>();
        Deque<CompletableFuture<TripOutcome>> window = new ArrayDeque<>();
        int windowTrips = 2 * threads;
        ExecutorService workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("analysis-", 0).factory());
        TripSource.ReadResult read;
        try {
            read = reader.read(name, input, trip -> {
                window.addLast(CompletableFuture.supplyAsync(() -> analyze(trip), workers));
                while (window.size() >= windowTrips) {
                    write(window.removeFirst(), files, tripProblems);
                }
            });
            while (!window.isEmpty()) {
                write(window.removeFirst(), files, tripProblems);
            }
        } finally {
            window.forEach(pending -> pending.cancel(false));
            workers.shutdownNow();
        }
        List<String> problems = new ArrayList<>(read.problems());
        problems.addAll(tripProblems);
        ResultFiles written = files.get();
        List<String> outputs = written.finish(problems);
        return new InputReport(written.trips(), read.pointsRead(), written.violationsByType(), written.failedTrips(),
                outputs, problems);
    }

    private TripOutcome analyze(Trip trip) {
        try {
            String json = analyzer.analyze(trip);
            TripResult result = parser.parse(json);
            return TripOutcome.analysed(trip.vehicleId(), trip.tripId(), trip.count(), result, json);
        } catch (AnalysisException | IllegalArgumentException e) {
            String message = e.getMessage();
            String redundant = "trip " + trip.tripId() + ": ";
            if (message.startsWith(redundant)) {
                message = message.substring(redundant.length());
            }
            boolean permanent = !(e instanceof AnalysisException transientFailure) || transientFailure.permanent();
            return TripOutcome.failed(trip.vehicleId(), trip.tripId(), trip.count(),
                    permanent ? message : message + " (transient)");
        }
    }

    private void write(CompletableFuture<TripOutcome> pending, LazyResultFiles files, List<String> problems)
            throws IOException {
        TripOutcome outcome;
        try {
            outcome = pending.join();
        } catch (CompletionException e) {
            // Only a bug gets here (analyze() turns every expected failure into a failed outcome).
            throw new IllegalStateException("analysing a trip failed unexpectedly", e.getCause());
        }
        if (outcome.failed()) {
            problems.add("trip " + outcome.tripId() + " failed: " + outcome.error());
        }
        files.get().write(outcome);
        onTrip.accept(outcome);
    }

    /** The input's result files, opened on first use. */
    private final class LazyResultFiles {
        private final OutputSink sink;
        private final String name;
        private ResultFiles files;

        LazyResultFiles(OutputSink sink, String name) {
            this.sink = sink;
            this.name = name;
        }

        ResultFiles get() throws IOException {
            if (files == null) {
                files = new ResultFiles(sink, name, matched);
            }
            return files;
        }
    }
}
