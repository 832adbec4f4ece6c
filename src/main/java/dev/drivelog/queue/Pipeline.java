package dev.drivelog.queue;

import dev.drivelog.job.AnalysisSelection;
import dev.drivelog.job.InputAnalysis;
import dev.drivelog.job.InputAnalysisProvider;
import dev.drivelog.job.JobRunner;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.storage.S3Connection;
import dev.drivelog.storage.S3ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Everything a container builds once and keeps: settings, the S3 client and its connection pool,
 * the analysis (map loaded), the job runner and the batch processor. Closing it closes the S3 client.
 */
public final class Pipeline implements AutoCloseable {
    private final PipelineSettings settings;
    private final S3ObjectStore store;
    private final BatchProcessor processor;
    private final JobRunner runner;

    public Pipeline(PipelineSettings settings, S3Connection connection, InputAnalysis analysis, String engineVersion,
            JsonLog log, String functionName) {
        this.settings = settings;
        this.store = new S3ObjectStore(connection.withExpectedBucketOwner(settings.expectedBucketOwner())
                .s3Client(settings.transfers().maxConnections()), settings.transfers());
        this.runner = new JobRunner(store, settings, settings.layout(engineVersion), analysis, log);
        this.processor = new BatchProcessor(runner, log, functionName);
    }

    /**
     * As Lambda, ECS or EC2 run it: configuration from {@code DRIVELOG_CONFIG} and
     * {@code DRIVELOG_PIPELINE__*}, S3 from the SDK's environment ({@code AWS_ENDPOINT_URL_S3} and
     * {@code DRIVELOG_S3_PATH_STYLE=true} for S3-compatible servers), the analysis from the class path.
     */
    public static Pipeline fromEnvironment(Map<String, String> environment, JsonLog log) {
        PipelineSettings settings = PipelineSettings.load(environment);
        InputAnalysisProvider provider = AnalysisSelection.select(environment);
        InputAnalysis analysis;
        try {
            analysis = provider.open(environment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the analysis '" + provider.name() + "': " + e.getMessage(), e);
        }
        S3Connection connection = S3Connection.fromEnvironment(environment);
        String functionName = environment.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "drivelog");
        return new Pipeline(settings, connection, analysis, provider.version(environment), log, functionName);
    }

    public PipelineSettings settings() {
        return settings;
    }

    public S3ObjectStore store() {
        return store;
    }

    public JobRunner runner() {
        return runner;
    }

    public BatchProcessor processor() {
        return processor;
    }

    @Override
    public void close() {
        store.close();
    }
}
