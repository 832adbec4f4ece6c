package dev.drivelog.queue;

import dev.drivelog.config.DrivelogConfig;
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
import java.util.function.Function;

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
     * The work is shared by threads (docs/BENCHMARKS.md, "Handler init time"): one loads the TLS
     * trust store ({@link DeferredTrustManager}), one chooses the analysis, lets it prepare what needs
     * no configuration ({@link InputAnalysisProvider#prepare}: the native library and the map, on a
     * thread of its own) and reads the configuration once, one builds the S3 client as soon as the
     * settings are read (without waiting for the trust store), and this thread opens the analysis and
     * derives the result version. All of it may have been started before, by {@link #startEarly}
     * with the same environment. All are joined before this returns: nothing started here runs into
     * the first event, and a failure of any of them is thrown here as it was raised.
     */
    public static Pipeline fromEnvironment(Map<String, String> environment, JsonLog log) {
        StartupTrace.mark("pipeline");
        PipelineStart start = PipelineStart.take(environment, storeOpener(environment));
        try {
            PipelineStart.Prepared prepared = start.preparedOrThrow();
            InputAnalysisProvider provider = prepared.provider();
            InputAnalysis analysis = open(provider, environment, prepared.config());
            StartupTrace.mark("analysis opened");
            String version = provider.version(environment, prepared.config());
            StartupTrace.mark("result version derived");
            String functionName = environment.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "drivelog");
            S3ObjectStore store = start.store();
            StartupTrace.mark("s3 client joined");
            DeferredTrustManager.jdkDefault().loaded();  // in init, not at the first handshake; an unreadable trust store fails init here
            StartupTrace.mark("tls trust joined");
            return new Pipeline(prepared.settings(), store, analysis, version, log, functionName);
        } catch (RuntimeException | Error e) {
            start.discard(e);
            throw e;
        }
    }

    /**
     * Starts, on threads of their own, what {@link #fromEnvironment} will need from this same
     * environment, and returns at once: the image's entry point calls it before the Lambda runtime
     * client's own set-up ({@code LambdaMain}). Failures wait for {@code fromEnvironment}.
     */
    public static void startEarly(Map<String, String> environment) {
        PipelineStart.startEarly(environment, storeOpener(environment));
    }

    private static Function<PipelineSettings, S3ObjectStore> storeOpener(Map<String, String> environment) {
        S3Connection connection = S3Connection.fromEnvironment(environment);
        return settings -> openStore(settings, connection);
    }

    private static InputAnalysis open(InputAnalysisProvider provider, Map<String, String> environment, DrivelogConfig config) {
        try {
            return provider.open(environment, config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the analysis '" + provider.name() + "': " + e.getMessage(), e);
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
