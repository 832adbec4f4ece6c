package dev.drivelog.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.job.AnalysisSelection;
import dev.drivelog.job.InputAnalysis;
import dev.drivelog.job.InputAnalysisProvider;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.storage.S3Connection;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code drivelog demo}: the whole pipeline on this machine, no AWS: sample map and drives, an
 * embedded S3 (S3Proxy, blobs under the work directory) and SQS (ElasticMQ) on 127.0.0.1, the
 * Lambda handler's pipeline consuming the queue. Only this class and its package touch the
 * demo-only servers, so the Lambda image (without them) never loads them.
 */
public final class Demo {
    private Demo() {}

    /** Runs the demo; returns 0 when no log failed (logs analysed by an earlier run in the same work directory are duplicates), 1 otherwise. */
    public static int run(int logCount, Path workdir, boolean json, PrintStream out, Map<String, String> environment)
            throws Exception {
        return run(logCount, workdir, json, out, environment, DemoFaults.NONE);
    }

    /** As above, making the given trouble on purpose. */
    public static int run(int logCount, Path workdir, boolean json, PrintStream out, Map<String, String> environment,
            DemoFaults faults) throws Exception {
        Path dir = workdir != null ? Files.createDirectories(workdir) : Files.createTempDirectory("drivelog-demo-");
        DemoInputs.Made inputs = DemoInputs.make(dir, logCount);
        Map<String, String> analysisEnvironment = new HashMap<>(environment);
        analysisEnvironment.putIfAbsent("DRIVELOG_MAP", inputs.map().toString());
        InputAnalysisProvider provider = AnalysisSelection.select(analysisEnvironment);
        InputAnalysis analysis = provider.open(analysisEnvironment);

        Path blobs = Files.createDirectories(dir.resolve("s3"));
        Path pipelineLog = dir.resolve("pipeline.log");
        DemoSummary summary;
        try (OutputStream logFile = Files.newOutputStream(pipelineLog);
                PrintStream logStream = new PrintStream(logFile, true, java.nio.charset.StandardCharsets.UTF_8);
                EmbeddedS3 s3 = EmbeddedS3.start(blobs);
                EmbeddedSqs sqs = EmbeddedSqs.start()) {
            JsonLog log = new JsonLog(logStream, JsonLog.Level.INFO);
            S3Connection connection = S3Connection.local(s3.endpoint(), EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY);
            summary = new DemoRun(connection, sqs.endpoint(), log, faults).run(inputs.logs(), analysis, provider.version(analysisEnvironment));
        }
        Path resultsDir = blobs.resolve(DemoRun.BUCKET).resolve("results");
        if (json) {
            out.println(toJson(summary, dir, resultsDir));
        } else {
            printTable(summary, out, resultsDir, pipelineLog);
        }
        return summary.failed() == 0 ? 0 : 1;
    }

    static String toJson(DemoSummary summary, Path workdir, Path resultsDir) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("logs_uploaded", summary.logsUploaded());
        line.put("logs_processed", summary.logsProcessed());
        line.put("results_written", summary.resultsWritten());
        line.put("result_files", summary.resultFilesWritten());
        line.put("duplicates_skipped", summary.duplicatesSkipped());
        line.put("violations", summary.violations());
        line.put("failed", summary.failed());
        line.put("reconciled", summary.reconciled());
        line.put("s3_faults_injected", summary.s3FaultsInjected());
        line.put("sqs_faults_injected", summary.sqsFaultsInjected());
        line.put("multipart_uploads_left", summary.multipartUploadsLeft());
        line.put("results", summary.resultsLocation());
        line.put("results_dir", resultsDir.toString());
        line.put("workdir", workdir.toString());
        return new ObjectMapper().writeValueAsString(line);
    }

    static void printTable(DemoSummary summary, PrintStream out, Path resultsDir, Path pipelineLog) {
        int keyWidth = Math.max(3, summary.rows().stream().mapToInt(r -> r.key().length()).max().orElse(3));
        String format = "%-" + keyWidth + "s  %-10s %8s %10s  %s%n";
        out.printf(format, "log", "status", "points", "violations", "results");
        for (DemoSummary.Row row : summary.rows()) {
            String status = row.status().length() > 10 ? row.status().substring(0, row.status().indexOf(':') < 0 ? 10 : row.status().indexOf(':')) : row.status();
            out.printf(format, row.key(), status, row.points(), row.violations(), row.results());
        }
        out.printf("%n%d logs uploaded, %d analysed, %d result sets (%d files) written, %d duplicate notifications "
                + "skipped, %d failed; %d violations.%n", summary.logsUploaded(), summary.logsProcessed(),
                summary.resultsWritten(), summary.resultFilesWritten(),
                summary.duplicatesSkipped(), summary.failed(), summary.violations());
        summary.rows().stream().filter(r -> !r.status().equals("analysed"))
                .forEach(r -> out.println("  " + r.key() + ": " + r.status()));
        if (summary.reconciled() > 0 || summary.s3FaultsInjected() > 0 || summary.sqsFaultsInjected() > 0) {
            out.printf("Recovered: %d jobs enqueued by reconcile, %d S3 and %d SQS faults injected, %d multipart uploads left.%n",
                    summary.reconciled(), summary.s3FaultsInjected(), summary.sqsFaultsInjected(),
                    summary.multipartUploadsLeft());
        }
        out.println("Results: " + summary.resultsLocation() + " (on disk: " + resultsDir + ")");
        out.println("Pipeline log (JSON lines, with metrics): " + pipelineLog);
    }
}
