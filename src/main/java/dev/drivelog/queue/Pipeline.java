package dev.drivelog.queue;

import dev.drivelog.config.DrivelogConfig;
import dev.drivelog.job.AnalysisSelection;
import dev.drivelog.job.InputAnalysis;
import dev.drivelog.job.InputAnalysisProvider;
import dev.drivelog.job.JobRunner;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.observability.StartupTrace;
import dev.drivelog.storage.DeferredTrustManager;
import dev.drivelog.storage.S3Connection;
import dev.drivelog.storage.S3ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
        this(settings, openStore(settings, connection), analysis, engineVersion, log, functionName);
    }

    private Pipeline(PipelineSettings settings, S3ObjectStore store, InputAnalysis analysis, String engineVersion,
            JsonLog log, String functionName) {
        this.settings = settings;
        this.store = store;
        this.runner = new JobRunner(store, settings, settings.layout(engineVersion), analysis, log);
        this.processor = new BatchProcessor(runner, log, functionName);
    }

    private static S3ObjectStore openStore(PipelineSettings settings, S3Connection connection) {
        return new S3ObjectStore(connection.withExpectedBucketOwner(settings.expectedBucketOwner())
                .s3Client(settings.transfers().maxConnections()), settings.transfers());
    }

    /**
     * As Lambda, ECS or EC2 run it: configuration from {@code DRIVELOG_CONFIG} and
     * {@code DRIVELOG_PIPELINE__*}, S3 from the SDK's environment ({@code AWS_ENDPOINT_URL_S3} and
     * {@code DRIVELOG_S3_PATH_STYLE=true} for S3-compatible servers), the analysis from the class path.
     * The work is shared by threads that start at once (docs/BENCHMARKS.md, "Handler init time"):
     * the analysis prepares what needs no configuration ({@link InputAnalysisProvider#prepare}: the
     * native library and the map), one thread loads the TLS trust store ({@link DeferredTrustManager}),
     * one builds the S3 client as soon as the settings are read (without waiting for the trust store),
     * and this thread reads the configuration once and opens the analysis. All are joined before this
     * returns: nothing started here runs into the first event.
     */
    public static Pipeline fromEnvironment(Map<String, String> environment, JsonLog log) {
        StartupTrace.mark("pipeline");
        InputAnalysisProvider provider = AnalysisSelection.select(environment);
        provider.prepare(environment);
        S3Connection connection = S3Connection.fromEnvironment(environment);
        CompletableFuture<PipelineSettings> settingsRead = new CompletableFuture<>();
        DeferredTrustManager trust = DeferredTrustManager.jdkDefault();
        trust.startLoading();  // usually started already by LambdaMain, before the runtime client's own set-up
        BackgroundBuild<S3ObjectStore> store = BackgroundBuild.start("init-s3-client", () -> {
            S3ObjectStore built = openStore(settingsRead.join(), connection);
            StartupTrace.mark("s3 client built");
            return built;
        });
        try {
            DrivelogConfig config = PipelineSettings.loadConfig(environment);
            PipelineSettings settings = PipelineSettings.from(config.pipeline());
            settingsRead.complete(settings);
            StartupTrace.mark("settings loaded");
            InputAnalysis analysis = provider.open(environment, config);
            StartupTrace.mark("analysis opened");
            String version = provider.version(environment, config);
            StartupTrace.mark("result version derived");
            String functionName = environment.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "drivelog");
            S3ObjectStore joined = store.join();
            StartupTrace.mark("s3 client joined");
            trust.loaded();  // in init, not at the first handshake; a trust store that cannot be read fails init here
            StartupTrace.mark("tls trust joined");
            return new Pipeline(settings, joined, analysis, version, log, functionName);
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException(
                    "cannot open the analysis '" + provider.name() + "': " + e.getMessage(), e);
            settingsRead.completeExceptionally(failure);
            store.discard(S3ObjectStore::close, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            settingsRead.completeExceptionally(e);
            store.discard(S3ObjectStore::close, e);
            throw e;
        }
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
