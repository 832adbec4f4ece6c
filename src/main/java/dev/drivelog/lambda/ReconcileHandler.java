package dev.drivelog.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.config.DrivelogConfig;
import dev.drivelog.config.ReconcileConfig;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.job.ResultLayout;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.observability.LogContext;
import dev.drivelog.observability.TraceId;
import dev.drivelog.reconcile.ModificationWindow;
import dev.drivelog.reconcile.Progress;
import dev.drivelog.reconcile.QueuedInputs;
import dev.drivelog.reconcile.ReconcileCounts;
import dev.drivelog.reconcile.Reconciler;
import dev.drivelog.reconcile.S3Uri;
import dev.drivelog.storage.S3Connection;
import dev.drivelog.storage.S3ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The scheduled reconcile function ({@code dev.drivelog.lambda.ReconcileHandler::handleRequest}), the
 * same image as {@link SqsBatchHandler}: each invocation is one reconcile pass over the inputs modified
 * between {@code reconcile.since_hours} and {@code reconcile.min_age_minutes} ago, sending a job to the
 * queue for each one without a committed result. It finds results where the pipeline writes them
 * because it derives the result layout from the same configuration ({@code DRIVELOG_CONFIG},
 * {@code DRIVELOG_PIPELINE__*}, {@code DRIVELOG_MAP}).
 *
 * <p>Work per invocation is bounded: the pass stops taking keys once less than
 * {@code reconcile.time_reserve_seconds} remain, and its result says where it stopped
 * ({@code "complete":false,"resume_after":KEY}); the next scheduled pass starts over, and an
 * invocation with {@code {"start_after":KEY}} continues from there ({@code "since":INSTANT} widens the
 * look-back, e.g. after an outage). The response and the last log
 * line carry the counts. Clients are built once per container; {@link #close()} releases them (the
 * runtime never calls it; tests do).
 */
public final class ReconcileHandler implements RequestStreamHandler, AutoCloseable {
    /** Start of the WARN line of a pass that ran out of time; template.yaml's metric filter counts these lines. */
    public static final String INCOMPLETE_PASS_MESSAGE = "reconcile pass incomplete";

    private final ObjectMapper json = new ObjectMapper();
    private final ReconcileConfig settings;
    private final S3Uri input;
    private final S3ObjectStore store;
    private final SqsClient sqs;
    private final Reconciler reconciler;
    private final JsonLog log;
    private final Clock clock;

    /** Used by the Lambda runtime: configured from the environment. */
    public ReconcileHandler() {
        this(System.getenv(), S3Connection.fromEnvironment(System.getenv()), JsonLog.toStandardOutput(), Clock.systemUTC());
    }

    /**
     * @param environment configuration as the process environment gives it
     * @param connection  how to reach S3 and SQS (its SQS endpoint: {@code AWS_ENDPOINT_URL_SQS} in {@code environment})
     */
    ReconcileHandler(Map<String, String> environment, S3Connection connection, JsonLog log, Clock clock) {
        DrivelogConfig config = PipelineSettings.loadConfig(environment);
        this.settings = config.reconcile();
        if (settings.input().isEmpty() || settings.queueUrl().isEmpty()) {
            throw new IllegalStateException("reconcile.input and reconcile.queue_url must be set (DRIVELOG_RECONCILE__INPUT="
                    + "s3://bucket/prefix, DRIVELOG_RECONCILE__QUEUE_URL=the job queue's URL), got '" + settings.input()
                    + "' and '" + settings.queueUrl() + "'");
        }
        this.input = S3Uri.parse(settings.input());
        PipelineSettings pipeline = PipelineSettings.from(config.pipeline());
        ResultLayout layout = pipeline.layoutFor(environment);
        this.store = new S3ObjectStore(connection.withExpectedBucketOwner(pipeline.expectedBucketOwner())
                .s3Client(settings.concurrentChecks()), pipeline.transfers());
        this.sqs = connection.sqsClient(S3Connection.endpointFromEnvironment(environment, "AWS_ENDPOINT_URL_SQS"));
        this.reconciler = new Reconciler(store, layout, settings.concurrentChecks()).onlyKeysEndingWith(settings.inputSuffix());
        this.log = log;
        this.clock = clock;
        log.info(LogContext.forRequest(null, null), "reconcile handler ready", Map.of(
                "input", input.toString(), "resultVersion", layout.resultVersion(), "sinceHours", settings.sinceHours(),
                "minAgeMinutes", settings.minAgeMinutes()));
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        LogContext requestContext = LogContext.forRequest(context.getAwsRequestId(), TraceId.current());
        ReconcileEvent event = ReconcileEvent.read(in, json);
        ModificationWindow window = window(event, clock.instant());
        long reserveMillis = Duration.ofSeconds(settings.timeReserveSeconds()).toMillis();
        BooleanSupplier timeLeft = () -> context.getRemainingTimeInMillis() > reserveMillis;
        ReconcileCounts counts;
        try {
            counts = reconciler.run(input, window, event.startAfter(), timeLeft, new QueuedInputs(sqs, settings.queueUrl()),
                    Progress.silent());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("reconcile pass interrupted");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("input", input.toString());
        fields.put("since", window.from() == null ? "all" : window.from().toString());
        fields.put("until", window.until().toString());
        fields.put("listed", counts.listed());
        fields.put("missing", counts.missing());
        fields.put("enqueued", counts.enqueued());
        fields.put("complete", counts.complete());
        if (counts.complete()) {
            log.info(requestContext, "reconcile pass done", fields);
        } else {
            // Not an error (the work done is kept), but a pass that never completes leaves its tail unchecked.
            fields.put("resume_after", counts.resumeAfter());
            log.warn(requestContext, INCOMPLETE_PASS_MESSAGE + ": time ran out", fields);
        }
        out.write(counts.toJson().getBytes(StandardCharsets.UTF_8));
    }

    /** From the event's {@code since}, else {@code since_hours} back (0: all), up to {@code min_age_minutes} ago. */
    private ModificationWindow window(ReconcileEvent event, Instant now) {
        Instant until = now.minus(Duration.ofMinutes(settings.minAgeMinutes()));
        Instant from = event.since() != null ? event.since()
                : settings.sinceHours() == 0 ? null : now.minus(Duration.ofHours(settings.sinceHours()));
        return new ModificationWindow(from != null && from.isAfter(until) ? until : from, until);
    }

    @Override
    public void close() {
        sqs.close();
        store.close();
    }
}
