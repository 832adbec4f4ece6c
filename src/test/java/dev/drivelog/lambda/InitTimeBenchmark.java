package dev.drivelog.lambda;

import dev.drivelog.storage.LocalS3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark (not a test): time from starting the JVM of the runtime interface client with our
 * handler to its first {@code /invocation/next} call, i.e. init done (S3 client, analysis, Jackson
 * built), ready for the first event, next to the same for {@link EmptyHandler} (the runtime's own
 * start-up). Run with the test class path; argument: repetitions.
 */
public final class InitTimeBenchmark {
    private InitTimeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        for (String handler : List.of(EmptyHandler.class.getName() + "::handleRequest",
                "dev.drivelog.lambda.SqsBatchHandler::handleRequest")) {
            measure(handler, runs);
        }
    }

    private static void measure(String handler, int runs) throws Exception {
        List<Long> millis = new ArrayList<>();
        Path out = Files.createTempFile("init-bench", ".log");
        try (LocalS3 s3 = LocalS3.start()) {
            for (int i = 0; i < runs; i++) {
                try (RuntimeApiServer api = new RuntimeApiServer()) {
                    long start = System.nanoTime();
                    Process child = LambdaRuntimeEntrypointTest.startRuntime(handler, api.address(), s3, out);
                    while (api.firstNextNanos() == 0 && child.isAlive()) {
                        Thread.sleep(2);
                    }
                    millis.add((api.firstNextNanos() - start) / 1_000_000);
                    child.destroyForcibly().waitFor();
                }
            }
        }
        Files.deleteIfExists(out);
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.println(handler + " init_ms runs=" + millis + " median=" + sorted.get(sorted.size() / 2));
    }
}
