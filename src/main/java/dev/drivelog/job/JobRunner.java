package dev.drivelog.job;

import dev.drivelog.observability.JsonLog;
import dev.drivelog.observability.LogContext;
import dev.drivelog.observability.PipelineMetrics;
import dev.drivelog.storage.ObjectInfo;
import dev.drivelog.storage.ObjectMissingException;
import dev.drivelog.storage.S3ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Runs one job with exactly-once effects under at-least-once delivery: derive the result prefix
 * from the input's identity, skip if its manifest exists, analyse while streaming the input and
 * the results, commit the result files, then write the manifest with {@code If-None-Match: *}.
 * Losing that race to a concurrent duplicate counts as a duplicate, not an error. Inputs that can
 * never succeed get a {@code rejected} manifest, so their redeliveries are skipped too.
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

    public JobOutcome run(Job job, TimeBudget budget, LogContext context, PipelineMetrics metrics) {
        LogContext jobContext = context.withObject(job.bucket(), job.key());
        long startNanos = System.nanoTime();
        JobOutcome outcome;
        try {
            outcome = attempt(job, budget, jobContext, metrics);
        } catch (IOException | SdkException | UncheckedIOException e) {
            outcome = new JobOutcome.Failed(job, describe(e), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = new JobOutcome.Failed(job, "interrupted", true);
        } catch (RuntimeException e) {
            // A defect, not the input's fault as far as we know: retried, then the DLQ keeps the message.
            outcome = new JobOutcome.Failed(job, "unexpected " + describe(e), true);
        }
        record(outcome, jobContext, metrics, (System.nanoTime() - startNanos) / 1_000_000);
        return outcome;
    }

    private JobOutcome attempt(Job job, TimeBudget budget, LogContext context, PipelineMetrics metrics)
            throws IOException, InterruptedException {
        if (layout.isResultKey(job.bucket(), job.key())) {
            return new JobOutcome.Ignored(job, "key lies in the results area " + layout.outputPrefix());
        }
        Duration estimate = settings.estimateFor(job.sizeBytes());
        if (!budget.allowsStart(estimate)) {
            return notStarted(job, budget);
        }
        ObjectInfo input;
        try {
            input = store.head(job.bucket(), job.key(), job.versionId());
        } catch (ObjectMissingException e) {
            return reject(job, null, layout.prefixFor(job.bucket(), job.key(), identityNamedBy(job)), e.getMessage(), context);
        } catch (S3Exception e) {
            if (e.statusCode() == 403) {
                return refuseUnreadable(job, e, context);
            }
            if (e.statusCode() != 400) {
                throw e;
            }
            // 400 to a HEAD: the request itself is invalid for this key (e.g. a key the store cannot hold);
            // every retry gets the same answer, so record it once instead of retrying until the DLQ.
            String code = e.awsErrorDetails() == null ? "" : " " + e.awsErrorDetails().errorCode();
            return reject(job, null, layout.prefixFor(job.bucket(), job.key(), identityNamedBy(job)),
                    "S3 refuses this key (400" + code + "): it can never be read", context);
        }
        ResultPrefix results = layout.prefixFor(job.bucket(), job.key(),
                input.versionId() != null ? "v:" + input.versionId() : "e:" + input.eTag());
        if (store.exists(results.bucket(), results.manifestKey())) {
            return new JobOutcome.Duplicate(job, results);
        }
        if (input.sizeBytes() > settings.maxInputBytes()) {
            return reject(job, input, results, "input is " + input.sizeBytes() + " bytes, over the limit of "
                    + settings.maxInputBytes() + " (pipeline.max_input_mib)", context);
        }
        analysisSlots.acquire();
        try {
            if (!budget.allowsStart(settings.estimateFor(input.sizeBytes()))) {
                return notStarted(job, budget);
            }
            return analyse(job, input, results, context);
        } finally {
            analysisSlots.release();
        }
    }

    private JobOutcome analyse(Job job, ObjectInfo input, ResultPrefix results, LogContext context) throws IOException {
        S3ResultSink sink = new S3ResultSink(store, results);
        InputReport report;
        long inputBytes;
        Map<String, Long> outputs;
        try (CountingInputStream in = new CountingInputStream(store.openRead(input))) {
            report = analysis.analyze(job.key(), in, sink);
            inputBytes = in.count();
            outputs = sink.commitAll();
        } catch (InputRejectedException e) {
            sink.abortAll();
            return reject(job, input, results, e.getMessage(), context);
        } catch (IOException | RuntimeException e) {
            sink.abortAll();
            throw e;
        }
        byte[] manifest = Manifest.committed(job, input, layout.resultVersion(), report, outputs, context);
        if (!store.putIfAbsent(results.bucket(), results.manifestKey(), Manifest.CONTENT_TYPE, manifest)) {
            return new JobOutcome.Duplicate(job, results);
        }
        return new JobOutcome.Committed(job, results, report, inputBytes, outputs);
    }

    private JobOutcome reject(Job job, ObjectInfo input, ResultPrefix results, String reason, LogContext context) {
        byte[] manifest = Manifest.rejected(job, input, layout.resultVersion(), reason, context);
        if (!store.putIfAbsent(results.bucket(), results.manifestKey(), Manifest.CONTENT_TYPE, manifest)) {
            return new JobOutcome.Duplicate(job, results);
        }
        return new JobOutcome.Rejected(job, results, reason);
    }

    /**
     * 403 to the input's HEAD: a bucket we may not read (another account's, a key outside what the
     * role may read) or, with pipeline.expected_bucket_owner, a bucket another account owns. Every
     * redelivery gets the same answer, so it is permanent: recorded like any rejection where the
     * result area takes the record, otherwise only logged; either way the message is not retried.
     * A 403 on the output side (the manifest check, the writes) stays transient: that is our own
     * configuration, and the dead-letter queue keeps the message until it is fixed.
     */
    private JobOutcome refuseUnreadable(Job job, S3Exception denial, LogContext context) {
        String code = denial.awsErrorDetails() == null || denial.awsErrorDetails().errorCode() == null ? ""
                : " " + denial.awsErrorDetails().errorCode();
        String reason = "access denied reading the input (403" + code + "): the bucket is not readable by this "
                + "function or is owned by another account";
        ResultPrefix results = layout.prefixFor(job.bucket(), job.key(), identityNamedBy(job));
        try {
            return reject(job, null, results, reason, context);
        } catch (SdkException recordRefused) {
            // With no output bucket configured the record would go to that same bucket; logged, not retried.
            return new JobOutcome.Refused(job, reason + "; no rejection record written (" + describe(recordRefused) + ")");
        }
    }

    private static String identityNamedBy(Job job) {
        return job.versionId() != null ? "v:" + job.versionId() : job.eTag() != null ? "e:" + job.eTag() : null;
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
