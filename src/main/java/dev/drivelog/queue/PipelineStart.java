package dev.drivelog.queue;

import dev.drivelog.config.DrivelogConfig;
import dev.drivelog.job.AnalysisSelection;
import dev.drivelog.job.InputAnalysisProvider;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.observability.StartupTrace;
import dev.drivelog.storage.DeferredTrustManager;
import dev.drivelog.storage.S3ObjectStore;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The part of {@link Pipeline#fromEnvironment}'s work that needs nothing but the environment, on
 * threads of its own: the TLS trust store, the analysis chosen and prepared (native library, map),
 * the configuration read, and the S3 client built as soon as the configuration is read. Started by
 * {@code fromEnvironment} itself, or earlier by {@link #startEarly} (the image's entry point does so
 * before the Lambda runtime client's own set-up, while a second vCPU is idle; docs/BENCHMARKS.md,
 * "Handler init time"). Nothing is reported here: every failure is rethrown, as it was raised, by
 * {@link #preparedOrThrow} and {@link #store} on the thread of {@code fromEnvironment}.
 */
final class PipelineStart {
    /** Started by {@link #startEarly}, not yet taken by {@link #take}. */
    private static PipelineStart early;

    private final Map<String, String> environment;
    private final BackgroundBuild<Prepared> prepared;
    private final BackgroundBuild<S3ObjectStore> store;

    /** What {@code fromEnvironment} continues with: the chosen analysis, prepared, and the configuration read once. */
    record Prepared(InputAnalysisProvider provider, DrivelogConfig config, PipelineSettings settings) {}

    private PipelineStart(Map<String, String> environment, Function<PipelineSettings, S3ObjectStore> openStore) {
        this.environment = environment;
        DeferredTrustManager.jdkDefault().startLoading();
        CompletableFuture<PipelineSettings> settingsRead = new CompletableFuture<>();
        this.prepared = BackgroundBuild.start("init-config", () -> {
            try {
                InputAnalysisProvider provider = AnalysisSelection.select(environment);
                provider.prepare(environment);
                DrivelogConfig config = PipelineSettings.loadConfig(environment);
                PipelineSettings settings = PipelineSettings.from(config.pipeline());
                settingsRead.complete(settings);
                StartupTrace.mark("settings loaded");
                return new Prepared(provider, config, settings);
            } catch (RuntimeException | Error e) {
                settingsRead.completeExceptionally(e);
                throw e;
            }
        });
        this.store = BackgroundBuild.start("init-s3-client", () -> {
            S3ObjectStore built = openStore.apply(settingsRead.join());
            StartupTrace.mark("s3 client built");
            return built;
        });
    }

    /**
     * Starts now what {@code Pipeline.fromEnvironment(environment, ...)} will take. A later call with
     * another environment, or none at all, leaves it unused: {@link #take} then closes what it built.
     */
    static synchronized void startEarly(Map<String, String> environment, Function<PipelineSettings, S3ObjectStore> openStore) {
        if (early == null) {
            early = new PipelineStart(environment, openStore);
        }
    }

    /** The start made early for this same environment, or one started now. */
    static PipelineStart take(Map<String, String> environment, Function<PipelineSettings, S3ObjectStore> openStore) {
        PipelineStart started;
        synchronized (PipelineStart.class) {
            started = early;
            early = null;
        }
        if (started != null && Objects.equals(started.environment, environment)) {
            return started;
        }
        if (started != null) {
            started.discard(new IllegalStateException("started early for another environment"));
        }
        return new PipelineStart(environment, openStore);
    }

    /** The analysis and configuration; a failure (no analysis, a bad configuration) is rethrown as raised. */
    Prepared preparedOrThrow() {
        return prepared.join();
    }

    S3ObjectStore store() {
        return store.join();
    }

    /** The caller failed: closes the S3 client if it was built; its own failure is added to {@code failure}. */
    void discard(Throwable failure) {
        store.discard(S3ObjectStore::close, failure);
    }

    /** For tests: whether a start made by {@link #startEarly} waits to be taken. */
    static synchronized boolean earlyPending() {
        return early != null;
    }
}
