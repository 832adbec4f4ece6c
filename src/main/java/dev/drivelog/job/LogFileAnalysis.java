package dev.drivelog.job;

import dev.drivelog.analysis.AnalysisException;
import dev.drivelog.analysis.Analyzer;
import dev.drivelog.analysis.result.TripResult;
import dev.drivelog.analysis.result.TripResultParser;
import dev.drivelog.logs.Trip;
import dev.drivelog.output.ResultFiles;
import dev.drivelog.output.TripOutcome;
import dev.drivelog.report.HtmlReportWriter;
import dev.drivelog.report.Messages;
import dev.drivelog.report.RoadSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The {@link InputAnalysis} of drivelog: reads an input into trips ({@link TripSource}), analyses up
 * to {@code threads} trips at once ({@link Analyzer}, shared and thread safe, e.g. an analyzer
 * pool; with one thread on the reading thread, between reading one trip and the next), and writes the
 * result files ({@link ResultFiles}) in the order the trips were read. The input is read on the calling
 * thread, or with one thread and a virtual caller on a platform worker (a native call would pin the
 * virtual thread's carrier).
 *
 * <p>Memory stays bounded: at most {@code 2 x threads} trips are between the reader and the writers
 * (the reader waits while that window is full). A trip the engine refuses for good (bad input) is
 * recorded as failed in the outputs and the report's problems; a trip that fails in a way a retry may
 * fix (timeout, crash, internal error) fails the whole input with a {@link TransientTripFailureException},
 * so that no result is committed without it. An unreadable input is an {@link InputRejectedException}.
 * The analyzer is not closed here: it belongs to the caller.
 */
public final class LogFileAnalysis implements InputAnalysis {
    private final TripSource reader;
    private final Analyzer analyzer;
    private final int threads;
    private final boolean matched;
    private final Consumer<TripOutcome> onTrip;
    private final RoadSource reportRoads;
    private final Messages reportMessages;
    private final TripResultParser parser = new TripResultParser();
    /**
     * Threads for the engine calls, shared by every input this analysis reads (the pipeline's inputs,
     * the files of one {@code drivelog analyze}), so that an input starts no thread of its own. Daemon
     * threads that end after a minute idle: the analysis needs no closing.
     */
    private final ExecutorService workers =
            Executors.newCachedThreadPool(Thread.ofPlatform().name("analysis-", 0).daemon(true).factory());

    /**
     * A trip's outcome with the trip itself, kept until written for the report's raw points; or, instead
     * of an outcome, the transient failure that fails the input when this trip's turn to be written comes.
     */
    private record Analysed(Trip trip, TripOutcome outcome, AnalysisException transientFailure) {}

    /**
     * @param analyzer thread safe (used by {@code threads} threads at once); not closed by this class
     * @param matched  write the matched path into the GeoJSON (the analyzer must be configured to return it)
     * @param onTrip   told of each trip's outcome in output order, on the thread that reads the input (e.g. a CLI table)
     */
    public LogFileAnalysis(TripSource reader, Analyzer analyzer, int threads, boolean matched, Consumer<TripOutcome> onTrip) {
        this(reader, analyzer, threads, matched, onTrip, null);
    }

    /**
     * Like the other constructor, and also writes {@code report.html} ({@link HtmlReportWriter}) when
     * {@code reportRoads} is not null; the analyzer must then return the matched path.
     *
     * @param reportRoads the map drawn around each trip in the report, or null for no report
     */
    public LogFileAnalysis(TripSource reader, Analyzer analyzer, int threads, boolean matched, Consumer<TripOutcome> onTrip,
                           RoadSource reportRoads) {
        this(reader, analyzer, threads, matched, onTrip, reportRoads, Messages.defaults());
    }

    /**
     * Like the other constructors, with the report in the reader's language and time zone.
     *
     * @param reportMessages the report's language and zone (the {@code report:} section)
     */
    public LogFileAnalysis(TripSource reader, Analyzer analyzer, int threads, boolean matched, Consumer<TripOutcome> onTrip,
                           RoadSource reportRoads, Messages reportMessages) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.reader = reader;
        this.analyzer = analyzer;
        this.threads = threads;
        this.matched = matched;
        this.onTrip = onTrip;
        this.reportRoads = reportRoads;
        this.reportMessages = reportMessages;
    }

    /** Trips of one input analysed at once. */
    public int threads() {
        return threads;
    }

    @Override
    public InputReport analyze(String name, InputStream input, OutputSink sink) throws IOException, InputRejectedException {
        if (threads == 1 && Thread.currentThread().isVirtual()) {
            return onWorker(name, input, sink);
        }
        return analyze(name, input, sink, threads == 1 ? Runnable::run : workers);
    }

    /**
     * One thread, called on a virtual thread (the pipeline's jobs): the whole input is read, analysed and
     * written on one platform worker while the caller waits, so that the engine is called where the trip
     * is read, as for a platform caller, without pinning the carrier that the downloads and uploads share.
     * The per-trip hand-over this replaces (a future, a slot, two threads woken and parked, the columns and
     * the result between caches, per trip) was most of what a fleet log cost the handler beyond
     * {@code drivelog analyze} (docs/BENCHMARKS.md, "One S3 object through the Lambda handler").
     * The wait ignores interrupts (restored afterwards), as the per-trip waits did: nothing may still
     * write to the sink once this returns or throws.
     */
    private InputReport onWorker(String name, InputStream input, OutputSink sink) throws IOException, InputRejectedException {
        Future<InputReport> task = workers.submit(() -> analyze(name, input, sink, Runnable::run));
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case InputRejectedException rejected -> throw rejected;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException("analysing " + name + " failed unexpectedly", e.getCause());
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads, analyses and writes the input on this thread, the engine's calls on {@code engineCalls}. */
    private InputReport analyze(String name, InputStream input, OutputSink sink, Executor engineCalls)
            throws IOException, InputRejectedException {
        // Opened with the first trip (or at the end), so that an input rejected up front opens no file.
        LazyResultFiles files = new LazyResultFiles(sink, name);
        List<String> tripProblems = new ArrayList<>();
        Deque<CompletableFuture<Analysed>> window = new ArrayDeque<>();
        int windowTrips = 2 * threads;
        // At most `threads` trips of this input in the engine at once, on the shared worker threads (one: here).
        Semaphore slots = new Semaphore(threads);
        AtomicBoolean abandoned = new AtomicBoolean();
        // The input may give its trips their vehicle class (analysis.vehicles.by_input).
        Analyzer inputAnalyzer = analyzer.forInput(name);
        TripSource.ReadResult read;
        try {
            read = reader.read(name, input, trip -> {
                window.addLast(CompletableFuture.supplyAsync(() -> analyzeInSlot(inputAnalyzer, trip, slots, abandoned), engineCalls));
                while (window.size() >= windowTrips) {
                    write(window.removeFirst(), files, tripProblems, name);
                }
            });
            while (!window.isEmpty()) {
                write(window.removeFirst(), files, tripProblems, name);
            }
        } finally {
            abandoned.set(true);
            window.forEach(pending -> pending.cancel(false));
        }
        List<String> problems = new ArrayList<>(read.problems());
        problems.addAll(tripProblems);
        ResultFiles written = files.get();
        List<String> outputs = new ArrayList<>(written.finish(problems));
        HtmlReportWriter report = files.report();
        if (report != null) {
            report.finish(problems);
            outputs.add(HtmlReportWriter.FILE_NAME);
        }
        return new InputReport(written.trips(), read.pointsRead(), written.violationsByType(), written.failedTrips(),
                outputs, problems);
    }

    /** A trip waiting for a slot after its input failed is dropped unanalysed (its result would be thrown away). */
    private Analysed analyzeInSlot(Analyzer inputAnalyzer, Trip trip, Semaphore slots, AtomicBoolean abandoned) {
        slots.acquireUninterruptibly();
        try {
            return abandoned.get() ? null : analyze(inputAnalyzer, trip);
        } finally {
            slots.release();
        }
    }

    private Analysed analyze(Analyzer inputAnalyzer, Trip trip) {
        try {
            // The engine's bytes are parsed and kept as they are for trips/*.json: no String of them.
            byte[] json = inputAnalyzer.analyzeUtf8(trip);
            TripResult result = parser.parse(json);
            return new Analysed(trip, TripOutcome.analysed(trip.vehicleId(), trip.tripId(), trip.count(), result, json), null);
        } catch (AnalysisException e) {
            if (!e.permanent()) {
                return new Analysed(trip, null, e);
            }
            return new Analysed(trip, failed(trip, e.getMessage()), null);
        } catch (IllegalArgumentException e) {
            // The engine's answer does not parse as a result: the same answer every time.
            return new Analysed(trip, failed(trip, e.getMessage()), null);
        }
    }

    private static TripOutcome failed(Trip trip, String message) {
        String redundant = "trip " + trip.tripId() + ": ";
        return TripOutcome.failed(trip.vehicleId(), trip.tripId(), trip.count(),
                message.startsWith(redundant) ? message.substring(redundant.length()) : message);
    }

    private void write(CompletableFuture<Analysed> pending, LazyResultFiles files, List<String> problems, String name)
            throws IOException {
        Analysed analysed;
        try {
            analysed = pending.join();
        } catch (CompletionException e) {
            // Only a bug gets here (analyze() turns every expected failure into an outcome).
            throw new IllegalStateException("analysing a trip failed unexpectedly", e.getCause());
        }
        if (analysed.transientFailure() != null) {
            throw new TransientTripFailureException(name, analysed.trip().tripId(), analysed.transientFailure().getMessage(),
                    analysed.transientFailure());
        }
        TripOutcome outcome = analysed.outcome();
        if (outcome.failed()) {
            problems.add("trip " + outcome.tripId() + " failed: " + outcome.error());
        }
        files.get().write(outcome);
        if (files.report() != null) {
            files.report().write(analysed.trip(), outcome);
        }
        onTrip.accept(outcome);
    }

    /** The input's result files, opened on first use. */
    private final class LazyResultFiles {
        private final OutputSink sink;
        private final String name;
        private ResultFiles files;
        private HtmlReportWriter report;

        LazyResultFiles(OutputSink sink, String name) {
            this.sink = sink;
            this.name = name;
        }

        ResultFiles get() throws IOException {
            if (files == null) {
                files = new ResultFiles(sink, name, matched);
                if (reportRoads != null) {
                    report = new HtmlReportWriter(sink.open(HtmlReportWriter.FILE_NAME, HtmlReportWriter.CONTENT_TYPE),
                            name, reportRoads, reportMessages);
                }
            }
            return files;
        }

        /** The report, once the files are open; null when no report is asked for. */
        HtmlReportWriter report() {
            return report;
        }
    }
}
