package dev.drivelog.cli;

import dev.drivelog.demo.Demo;
import dev.drivelog.demo.DemoFaults;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drivelog demo}: the S3 -> SQS -> analysis -> S3 pipeline end to end on this machine. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the pipeline end to end without AWS: makes a sample map and drive logs, starts an embedded "
                + "S3 and SQS on 127.0.0.1, uploads the logs, sends S3 notifications and consumes the queue through "
                + "the Lambda handler's pipeline. Prints what was found and where the results are.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--logs", defaultValue = "5", paramLabel = "N", description = "Drive logs to simulate and upload (default: ${DEFAULT-VALUE}).")
    int logs;

    @Option(names = "--workdir", paramLabel = "DIR", description = "Where the map, logs, S3 blobs and pipeline log go (default: a new temporary directory).")
    Path workdir;

    @Option(names = "--json", description = "Print one JSON line with the counts instead of the table.")
    boolean json;

    @Option(names = "--drop-notifications", defaultValue = "0", paramLabel = "P",
            description = "Share of S3 notifications never sent, 0..1 (default: ${DEFAULT-VALUE}); see --reconcile.")
    double dropNotifications;

    @Option(names = "--duplicate-notifications", defaultValue = "0", paramLabel = "P",
            description = "Share of S3 notifications sent twice, 0..1 (default: ${DEFAULT-VALUE}).")
    double duplicateNotifications;

    @Option(names = "--s3-fault-rate", defaultValue = "0", paramLabel = "P",
            description = "Share of the pipeline's S3 requests given a 503 SlowDown, 500, connection reset mid-body "
                    + "or slow response, 0..1 (default: ${DEFAULT-VALUE}).")
    double s3FaultRate;

    @Option(names = "--sqs-fault-rate", defaultValue = "0", paramLabel = "P",
            description = "Share of the queue consumer's SQS requests (receive, delete) given a 503, 500, connection "
                    + "reset after SQS acted on the request, or slow response, 0..1 (default: ${DEFAULT-VALUE}).")
    double sqsFaultRate;

    @Option(names = "--reconcile", description = "After the queue drains, enqueue jobs for logs without results "
            + "(as drivelog reconcile does) and drain again.")
    boolean reconcile;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the dropped and duplicated notifications and "
            + "of the S3 and SQS faults (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (logs < 1) {
            throw new UsageException("--logs must be at least 1, got " + logs);
        }
        DemoFaults faults;
        try {
            faults = new DemoFaults(dropNotifications, duplicateNotifications, s3FaultRate, sqsFaultRate, reconcile, seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return Demo.run(logs, workdir, json, System.out, System.getenv(), faults);
    }
}
