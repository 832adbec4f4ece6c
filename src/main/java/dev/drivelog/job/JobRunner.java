package dev.drivelog.job;

import dev.drivelog.observability.JsonLog;
import dev.drivelog.observability.LogContext;
import dev.drivelog.observability.PipelineMetrics;
import dev.drivelog.observability.StartupTrace;
import dev.drivelog.storage.ObjectInfo;
import dev.drivelog.storage.ObjectMissingException;
import dev.drivelog.storage.ObjectReadStream;
import dev.drivelog.storage.ObjectUnreadableException;
import dev.drivelog.storage.S3ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one job with exactly-once effects under at-least-once delivery: derive the result prefix
 * from the input's identity, skip if its manifest exists, analyse while streaming the input and
 * the results, commit the result files, then write the manifest with {@code If-None-Match: *}.
 * Losing that race to a concurrent duplicate counts as a duplicate, not an error. An input whose
 * content was read and can never be analysed gets a {@code rejected} manifest, so its redeliveries
 * are skipped too; an input that was never read (gone, refused by S3, over the size limit) gets
 * nothing written, so that nothing stands in the way of reading it later.
 *
 * <p>Thread-safe; shared by all jobs of a container. Analyses are bounded by {@code analysisSlots}
 * (the vCPUs); downloads and uploads run on virtual threads outside that bound.
 */
public final class JobRunner {
    private final S3ObjectStore store;
    private final PipelineSettings settings;
    private final ResultLayout layout;
    private final InputAnalysis analysis;
    private final Semaphore analysisSlots;
    private final JsonLog log;

    /** Whether a job got as far as reading its input (so result uploads may have been opened and aborted). */
    private static final class Progress {
        boolean readStarted;
    }

    public JobRunner(S3ObjectStore store, PipelineSettings settings, ResultLayout layout, InputAnalysis analysis,
            JsonLog log) {
        this.store = store;
        this.settings = settings;
        this.layout = layout;
        this.analysis = analysis;
        this.analysisSlots = new Semaphore(settings.analysisConcurrency());
        this.log = log;
    }

    public ResultLayout layout() {
        return layout;
    }

    /**
     * Runs the job and says how it ended; never throws, except a {@linkplain FatalErrors fatal} error,
     * which must end the invocation. Any other failure, {@code Error}s included, is this job's alone.
     */
    public JobOutcome run(Job job, TimeBudget budget, LogContext context, PipelineMetrics metrics) {
        StartupTrace.mark("job");
        LogContext jobContext = context.withObject(job.bucket(), job.key());
        long startNanos = System.nanoTime();
        Progress progress = new Progress();
        JobOutcome outcome;
        try {
            outcome = attempt(job, budget, jobContext, progress);
        } catch (IOException | SdkException | UncheckedIOException e) {
            outcome = new JobOutcome.Failed(job, describe(e), progress.readStarted);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = new JobOutcome.Failed(job, "interrupted", progress.readStarted);
        } catch (RuntimeException e) {
            // A defect, not the input's fault as far as we know: retried, then the DLQ keeps the message.
            outcome = new JobOutcome.Failed(job, "unexpected " + describe(e), progress.readStarted);
        } catch (Error e) {
            if (FatalErrors.isFatal(e)) {
                throw e;
            }
            // E.g. a StackOverflowError or an AssertionError of one input: its message is retried, the batch goes on.
            outcome = new JobOutcome.Failed(job, "unexpected " + describe(e), progress.readStarted);
        }
        record(outcome, jobContext, metrics, (System.nanoTime() - startNanos) / 1_000_000);
        return outcome;
    }

    private JobOutcome attempt(Job job, TimeBudget budget, LogContext context, Progress progress)
            throws IOException, InterruptedException {
        if (layout.isResultKey(job.bucket(), job.key())) {
            return new JobOutcome.Ignored(job, "key lies in the results area " + layout.outputPrefix());
        }
        if (job.key().endsWith("/")) {
            // The console's "create folder" writes such an empty object; it is no drive log.
            return new JobOutcome.Ignored(job, "key ends with '/': a folder marker, not a drive log");
        }
        if (!budget.allowsStart(settings.estimateFor(job.sizeBytes(), gzipNamed(job.key())))) {
            return notStarted(job, budget);
        }
        ObjectInfo input;
        try {
            input = store.head(job.bucket(), job.key(), job.versionId());
        } catch (ObjectMissingException | ObjectUnreadableException e) {
            // Never read: nothing is written, so that a later upload of the same bytes, a redelivery
            // or a reconcile pass can still analyse it (a record here would name content never seen).
            return new JobOutcome.Refused(job, e.getMessage());
        }
        ResultPrefix results = layout.prefixFor(job.bucket(), job.key(),
                input.versionId() != null ? "v:" + input.versionId() : "e:" + input.eTag());
        StartupTrace.mark("job: head done");
        if (store.exists(results.bucket(), results.manifestKey())) {
            return new JobOutcome.Duplicate(job, results);
        }
        StartupTrace.mark("job: manifest checked");
        if (input.sizeBytes() > settings.maxInputBytes()) {
            return new JobOutcome.Refused(job, "input is " + input.sizeBytes() + " bytes, over the limit of "
                    + settings.maxInputBytes() + " (pipeline.max_input_mib)");
        }
        Duration estimate = settings.estimateFor(input.sizeBytes(), input.gzipLabelled() || gzipNamed(job.key()));
        analysisSlots.acquire();
        try {
            if (!budget.allowsStart(estimate)) {
                return notStarted(job, budget);
            }
            progress.readStarted = true;
            return analyse(job, input, results, context);
        } finally {
            analysisSlots.release();
        }
    }

    private JobOutcome analyse(Job job, ObjectInfo input, ResultPrefix results, LogContext context) throws IOException {
        S3ResultSink sink = new S3ResultSink(store, results, layout);
        InputReport report;
        long inputBytes;
        Map<String, Long> outputs;
        try (ObjectReadStream in = store.openRead(input)) {
            try {
                report = analysis.analyze(job.key(), in, sink);
            } catch (InputRejectedException e) {
                // A verdict on what was read, not on a read that ended early (a cut gzip stream looks corrupt).
                in.requireNotEndedEarly();
                sink.abortAll();
                return reject(job, input, results, e.getMessage(), context);
            }
            // Also when a reader took the early end for the end of the log and said nothing.
            in.requireNotEndedEarly();
            inputBytes = in.bytesRead();
            StartupTrace.mark("job: analysed");
            outputs = sink.commitAll();
            StartupTrace.mark("job: outputs uploaded");
        } catch (IOException | RuntimeException | Error e) {
            sink.abortAll();
            throw e;
        }
        byte[] manifest = Manifest.committed(job, input, layout.resultVersion(), report, outputs, context);
        if (!store.putIfAbsent(results.bucket(), results.manifestKey(), Manifest.CONTENT_TYPE, manifest)) {
            return new JobOutcome.Duplicate(job, results);
        }
        StartupTrace.mark("job: committed");
        return new JobOutcome.Committed(job, results, report, inputBytes, outputs);
    }

    private JobOutcome reject(Job job, ObjectInfo input, ResultPrefix results, String reason, LogContext context) {
        byte[] manifest = Manifest.rejected(job, input, layout.resultVersion(), reason, context);
        if (!store.putIfAbsent(results.bucket(), results.manifestKey(), Manifest.CONTENT_TYPE, manifest)) {
            return new JobOutcome.Duplicate(job, results);
        }
        return new JobOutcome.Rejected(job, results, reason);
    }

    /** A name that says gzip: its content is estimated at its decompressed size (the format itself is found from the bytes). */
    private static boolean gzipNamed(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.endsWith(".gz") || lower.endsWith(".gzip");
    }

    private static JobOutcome notStarted(Job job, TimeBudget budget) {
        return new JobOutcome.Failed(job, "not started: " + budget.remaining().toMillis()
                + " ms left in the invocation is not enough", false);
    }

    private void record(JobOutcome outcome, LogContext context, PipelineMetrics metrics, long millis) {
        switch (outcome) {
            case JobOutcome.Committed c -> {
                long outBytes = c.outputBytes().values().stream().mapToLong(Long::longValue).sum();
                metrics.objectProcessed(c.report().points(), c.report().violations(), c.inputBytes(), outBytes, millis);
                log.info(context, "analysed", Map.of("results", c.results().uri(), "trips", c.report().trips(),
                        "points", c.report().points(), "violations", c.report().violations(),
                        "bytesIn", c.inputBytes(), "bytesOut", outBytes, "durationMs", millis));
            }
            case JobOutcome.Duplicate d -> {
                metrics.duplicateSkipped();
                log.info(context, "duplicate skipped: results already committed", Map.of("results", d.results().uri()));
            }
            case JobOutcome.Rejected r -> {
                metrics.objectRejected();
                log.error(context, "rejected: " + r.reason(), Map.of("results", r.results().uri()));
            }
            case JobOutcome.Refused r -> {
                metrics.objectRejected();
                log.error(context, "refused, not retried: " + r.reason(), Map.of());
            }
            case JobOutcome.Ignored i -> log.info(context, "ignored: " + i.reason(), Map.of());
            case JobOutcome.Failed f -> {
                metrics.failure();
                log.warn(context, "failed, will be retried: " + f.reason(), Map.of("started", f.started()));
            }
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
