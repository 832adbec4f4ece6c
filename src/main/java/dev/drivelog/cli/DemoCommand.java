package dev.drivelog.cli;

import dev.drivelog.demo.Demo;
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

    @Override
    public Integer call() throws Exception {
        if (logs < 1) {
            throw new UsageException("--logs must be at least 1, got " + logs);
        }
        return Demo.run(logs, workdir, json, System.out, System.getenv());
    }
}
