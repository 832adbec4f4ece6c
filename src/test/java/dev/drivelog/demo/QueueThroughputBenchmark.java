package dev.drivelog.demo;

import dev.drivelog.analysis.NativeLocation;
import dev.drivelog.job.AnalysisSelection;
import dev.drivelog.job.InputAnalysis;
import dev.drivelog.job.InputAnalysisProvider;
import dev.drivelog.job.LineCountAnalysis;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.storage.S3Connection;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Benchmark (not a test): messages per second end to end for small logs through ElasticMQ and
 * S3Proxy on 127.0.0.1: upload, notify, receive in batches of 10, HEAD, manifest check, GET,
 * analyse, result PUTs, conditional manifest PUT, delete. Prints the S3 requests the whole run made
 * by kind, per log.
 *
 * <p>Arguments: number of logs, then {@code lines} (default: the line-counting analysis, the
 * pipeline's own cost) or {@code engine} (the real native analysis over the demo's synthetic town:
 * simulated 1 Hz drives cut to their first 500 fixes, every one analysed, matched and its results
 * written, as the Lambda handler does).
 */
public final class QueueThroughputBenchmark {
    private static final int FIXES_PER_LOG = 500;

    private QueueThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        boolean engine = args.length > 1 && args[1].equals("engine");
        Path dir = Files.createTempDirectory("queue-bench");
        List<Path> logs;
        InputAnalysis analysis;
        String version;
        if (engine) {
            Path map = DemoInputs.make(dir, 1).map();
            logs = simulatedLogs(dir, map, count);
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.put("DRIVELOG_MAP", map.toString());
            environment.put("DRIVELOG_ANALYSIS", "drivelog");
            InputAnalysisProvider provider = AnalysisSelection.select(environment);
            analysis = provider.open(environment);
            version = provider.version(environment);
        } else {
            logs = lineLogs(dir, count);
            analysis = new LineCountAnalysis();
            version = "bench";
        }
        Map<String, LongAdder> requests = new ConcurrentHashMap<>();
        S3RequestHook counting = (method, path, query) ->
                requests.computeIfAbsent(kindOf(method, path, query), k -> new LongAdder()).increment();
        JsonLog quiet = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), JsonLog.Level.ERROR);
        try (EmbeddedS3 s3 = EmbeddedS3.start(null, counting); EmbeddedSqs sqs = EmbeddedSqs.start()) {
            S3Connection connection = S3Connection.local(s3.endpoint(), EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY);
            long start = System.nanoTime();
            DemoSummary summary = new DemoRun(connection, sqs.endpoint(), quiet).run(logs, analysis, version);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("analysis=%s logs=%d processed=%d failed=%d violations=%d seconds=%.1f messages_per_second=%.1f%n",
                    engine ? "engine" : "lines", count, summary.logsProcessed(), summary.failed(), summary.violations(),
                    seconds, (count + 1) / seconds);
        }
        System.out.println("S3 requests per log, by kind (the run's " + (count + 1) + " messages include one duplicate):");
        new TreeMap<>(requests).forEach((kind, n) -> System.out.printf("  %-40s %6d  %.2f%n", kind, n.sum(), n.sum() / (double) count));
    }

    /** The request's method and what the key is for: its first segment and the shape of its last (digits and ids folded). */
    private static String kindOf(String method, String path, String query) {
        String[] parts = path.split("/");  // "", bucket, key segments...
        String area = parts.length > 2 ? parts[2] + "/" : "(bucket)";
        String file = parts.length > 3 ? ".../" + parts[parts.length - 1].replaceAll("^drive-\\d+", "<log>")
                .replaceAll("[0-9a-f]{16,}", "<id>").replaceAll("\\d+", "#") : "";
        String sub = query == null ? ""
                : query.contains("partNumber") ? " (part)"
                : query.contains("uploadId") ? " (complete/abort)"
                : query.contains("uploads") ? " (multipart uploads)"
                : query.contains("list-type") || query.contains("prefix") ? " (list)" : "";
        return method + " " + area + file + sub;
    }

    private static List<Path> lineLogs(Path dir, int count) throws IOException {
        StringBuilder content = new StringBuilder();
        for (int line = 0; line < FIXES_PER_LOG; line++) {
            content.append("1795161600.").append(line).append(",52.5,13.4,12.5\n");
        }
        List<Path> logs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            logs.add(Files.writeString(dir.resolve(String.format("drive-%05d.csv", i)), content));
        }
        return logs;
    }

    /** Simulated drives long enough for 500 fixes at 1 Hz, each cut to its header and first 500 fixes. */
    private static List<Path> simulatedLogs(Path dir, Path map, int count) throws IOException, InterruptedException {
        Path simulated = Files.createDirectories(dir.resolve("simulated"));
        Process simulate = new ProcessBuilder(NativeLocation.tool("drivelog-simulate").toString(), "--map", map.toString(),
                "--trips", Integer.toString(count), "--seed", "1", "--min-length-m", "6000", "--max-length-m", "9000",
                "--out", simulated.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("simulate.log").toFile()).start();
        if (simulate.waitFor() != 0) {
            throw new IOException("drivelog-simulate failed; see " + dir.resolve("simulate.log"));
        }
        Path cut = Files.createDirectories(dir.resolve("logs"));
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> files = Files.list(simulated)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                logs.add(Files.write(cut.resolve(file.getFileName()), lines.subList(0, Math.min(lines.size(), FIXES_PER_LOG + 1))));
            }
        }
        return logs;
    }
}
