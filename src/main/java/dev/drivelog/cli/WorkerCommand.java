package dev.drivelog.cli;

import dev.drivelog.observability.JsonLog;
import dev.drivelog.queue.Pipeline;
import dev.drivelog.queue.QueuePoller;
import dev.drivelog.queue.Worker;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code drivelog worker}: consumes an SQS queue like the Lambda function, for hosts without Lambda's limits. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Consumes an SQS queue of S3 notifications like the Lambda function does (same handler "
                + "pipeline, batches, partial failures left for redelivery), for ECS or EC2. Stops after the "
                + "current batch on SIGTERM. Configured like the function (DRIVELOG_CONFIG, DRIVELOG_PIPELINE__*, AWS_*).")
final class WorkerCommand implements Callable<Integer> {
    @Option(names = "--queue", required = true, paramLabel = "URL", description = "SQS queue URL.")
    String queueUrl;

    @Option(names = "--batch-size", defaultValue = "10", description = "Messages per batch, 1..10 (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--visibility-timeout", defaultValue = "900", paramLabel = "SECONDS",
            description = "How long a received batch stays hidden; also its time budget (default: ${DEFAULT-VALUE}).")
    int visibilitySeconds;

    @Option(names = "--wait", defaultValue = "20", paramLabel = "SECONDS", description = "Long-poll wait, 0..20 (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Override
    public Integer call() throws Exception {
        if (batchSize < 1 || batchSize > 10 || waitSeconds < 0 || waitSeconds > 20 || visibilitySeconds < 1) {
            throw new UsageException("--batch-size must be 1..10, --wait 0..20, --visibility-timeout positive");
        }
        JsonLog log = JsonLog.toStandardOutput();
        try (Pipeline pipeline = Pipeline.fromEnvironment(System.getenv(), log);
                SqsClient sqs = SqsClient.builder().build()) {
            QueuePoller poller = new QueuePoller(sqs, URI.create(queueUrl).toString(), pipeline.processor(), log, batchSize,
                    waitSeconds, Duration.ofSeconds(visibilitySeconds), pipeline.settings().timeReserve());
            Worker worker = new Worker(poller, log);
            Duration grace = Duration.ofSeconds(visibilitySeconds + waitSeconds);
            Thread hook = new Thread(() -> {
                try {
                    worker.stop(grace);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "drivelog-worker-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            worker.run();
        }
        return ExitCodes.OK;
    }
}
