package dev.drivelog.cli;

import dev.drivelog.config.ReconcileConfig;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.job.ResultLayout;
import dev.drivelog.reconcile.ListedInputs;
import dev.drivelog.reconcile.MissingInputSink;
import dev.drivelog.reconcile.Progress;
import dev.drivelog.reconcile.QueuedInputs;
import dev.drivelog.reconcile.ReconcileCounts;
import dev.drivelog.reconcile.Reconciler;
import dev.drivelog.reconcile.S3Uri;
import dev.drivelog.storage.S3Connection;
import dev.drivelog.storage.S3ObjectStore;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code drivelog reconcile}: finds inputs whose results were never committed and enqueues or lists them. */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Lists the drive logs under --input, finds those without a committed result manifest (a lost "
                + "S3 notification, a message in the dead-letter queue) and sends one job per log to the queue, or "
                + "lists them with --dry-run. Result locations are derived like the pipeline does, so run it with the "
                + "pipeline's configuration (DRIVELOG_CONFIG, DRIVELOG_PIPELINE__*, DRIVELOG_MAP). Progress on "
                + "stderr; the last stdout line is {\"listed\":..,\"missing\":..,\"enqueued\":..,\"complete\":true}.")
final class ReconcileCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "s3://BUCKET/PREFIX", description = "Where the drive logs are.")
    String input;

    @Option(names = "--output", paramLabel = "s3://BUCKET/PREFIX",
            description = "Where the results are (default: pipeline.output_bucket and pipeline.output_prefix; "
                    + "an empty output bucket means the input's bucket).")
    String output;

    @Option(names = "--since", paramLabel = "T",
            description = "Only logs modified at or after T: an instant (2026-11-20T08:00:00Z) or a date (2026-11-20, UTC).")
    String since;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @Option(names = "--enqueue", paramLabel = "QUEUE_URL", description = "Send a job per missing log to this SQS queue.")
        String queueUrl;

        @Option(names = "--dry-run", description = "Only print a job body per missing log on stdout.")
        boolean dryRun;
    }

    @Option(names = "--s3-endpoint", paramLabel = "URL", description = "S3 endpoint override (default: AWS_ENDPOINT_URL_S3; "
            + "path-style addressing with an override or DRIVELOG_S3_PATH_STYLE=true).")
    URI s3Endpoint;

    @Option(names = "--sqs-endpoint", paramLabel = "URL", description = "SQS endpoint override (default: AWS_ENDPOINT_URL_SQS).")
    URI sqsEndpoint;

    @Option(names = "--concurrency", defaultValue = "32", paramLabel = "N",
            description = "Manifest checks in flight (default: ${DEFAULT-VALUE}).")
    int concurrency;

    /** The process environment; tests replace it. */
    Map<String, String> environment = System.getenv();
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        if (concurrency < 1 || concurrency > ReconcileConfig.MAX_CONCURRENT_CHECKS) {
            throw new UsageException("--concurrency must be 1.." + ReconcileConfig.MAX_CONCURRENT_CHECKS + ", got " + concurrency);
        }
        S3Uri inputs = location("--input", input);
        Instant from = since == null ? null : instant(since);
        PipelineSettings settings = PipelineSettings.load(environment);
        ResultLayout layout = settings.layoutFor(environment);
        if (output != null) {
            S3Uri results = location("--output", output);
            layout = new ResultLayout(results.bucket(), results.prefix(), layout.resultVersion());
        }
        S3Connection connection = s3Endpoint == null ? S3Connection.fromEnvironment(environment)
                : new S3Connection(s3Endpoint, null, null, null, true, false);
        connection = connection.withExpectedBucketOwner(settings.expectedBucketOwner());
        URI sqsUri = sqsEndpoint != null ? sqsEndpoint : S3Connection.endpointFromEnvironment(environment, "AWS_ENDPOINT_URL_SQS");
        Progress progress = new Progress(err, System.console() != null);
        ReconcileCounts counts;
        try (S3ObjectStore store = new S3ObjectStore(connection.s3Client(concurrency), settings.transfers())) {
            Reconciler reconciler = new Reconciler(store, layout, concurrency);
            if (mode.dryRun) {
                counts = reconciler.run(inputs, from, new ListedInputs(out), progress);
            } else {
                try (SqsClient sqs = connection.sqsClient(sqsUri)) {
                    MissingInputSink queue = new QueuedInputs(sqs, mode.queueUrl);
                    counts = reconciler.run(inputs, from, queue, progress);
                }
            }
        }
        out.println(counts.toJson());
        out.flush();
        return ExitCodes.OK;
    }

    private static S3Uri location(String option, String text) {
        try {
            return S3Uri.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw new UsageException("--since: expected an instant like 2026-11-20T08:00:00Z or a date like 2026-11-20, got '"
                        + text + "'");
            }
        }
    }
}
