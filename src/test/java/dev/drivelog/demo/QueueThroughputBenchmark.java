package dev.drivelog.demo;

import dev.drivelog.job.LineCountAnalysis;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.storage.S3Connection;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark (not a test): messages per second end to end for small logs through ElasticMQ and
 * S3Proxy on 127.0.0.1: upload, notify, receive in batches of 10, HEAD, manifest check, GET,
 * analyse (line counting: the pipeline's own cost, without the native engine), two result PUTs,
 * conditional manifest PUT, delete. Argument: number of logs.
 */
public final class QueueThroughputBenchmark {
    private QueueThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("queue-bench");
        List<Path> logs = new ArrayList<>();
        StringBuilder content = new StringBuilder();
        for (int line = 0; line < 500; line++) {
            content.append("1795161600.").append(line).append(",52.5,13.4,12.5\n");
        }
        for (int i = 0; i < count; i++) {
            logs.add(Files.writeString(dir.resolve(String.format("drive-%05d.csv", i)), content));
        }
        JsonLog quiet = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), JsonLog.Level.ERROR);
        try (EmbeddedS3 s3 = EmbeddedS3.start(null); EmbeddedSqs sqs = EmbeddedSqs.start()) {
            S3Connection connection = S3Connection.local(s3.endpoint(), EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY);
            long start = System.nanoTime();
            DemoSummary summary = new DemoRun(connection, sqs.endpoint(), quiet).run(logs, new LineCountAnalysis(), "bench");
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("logs=%d processed=%d seconds=%.1f messages_per_second=%.1f%n", count,
                    summary.logsProcessed(), seconds, (count + 1) / seconds);
        }
    }
}
