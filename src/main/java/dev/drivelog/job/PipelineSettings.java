package dev.drivelog.job;

import dev.drivelog.config.ConfigLoader;
import dev.drivelog.config.DrivelogConfig;
import dev.drivelog.config.PipelineConfig;
import dev.drivelog.storage.TransferSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The {@code pipeline:} section of config/drivelog.yaml as typed, validated settings. Read through
 * the project's config loader (so environment overrides {@code DRIVELOG_PIPELINE__<KEY>} win over
 * the file); defaults live in {@link PipelineConfig#DEFAULT_VALUES} only.
 *
 * @param outputBucket          bucket for results; null means each input's own bucket
 * @param outputPrefix          key prefix of all results
 * @param resultVersion         engine and configuration identity in result keys; a new one reanalyses
 * @param expectedBucketOwner   account id that must own every bucket the pipeline calls; null checks nothing
 * @param maxInputBytes         larger inputs are rejected (permanently)
 * @param analysisConcurrency   analyses running at once (native, CPU-bound)
 * @param timeReserve           kept free at the end of an invocation
 * @param jobEstimate           assumed time of one small job, for the time budget
 * @param throughputBytesPerSecond assumed analysis throughput, for the time budget of large inputs
 * @param gzipExpansion         assumed decompressed/compressed size of gzip inputs, for the time budget
 * @param transfers             S3 transfer sizes and connection pool
 */
public record PipelineSettings(
        String outputBucket,
        String outputPrefix,
        String resultVersion,
        String expectedBucketOwner,
        long maxInputBytes,
        int analysisConcurrency,
        Duration timeReserve,
        Duration jobEstimate,
        long throughputBytesPerSecond,
        long gzipExpansion,
        TransferSettings transfers) {

    private static final long MIB = 1024 * 1024;

    public PipelineSettings {
        if (analysisConcurrency <= 0) {
            analysisConcurrency = Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * The time an input is expected to take: {@code job_estimate_seconds} plus its size over the
     * assumed throughput, which is a throughput of decompressed bytes: a gzip input counts
     * {@code estimated_gzip_expansion} times its stored size.
     *
     * @param storedBytes the size as stored (compressed, for gzip); unknown (-1) counts as nothing
     */
    public Duration estimateFor(long storedBytes, boolean gzip) {
        long contentBytes = storedBytes <= 0 ? 0 : storedBytes * (gzip ? Math.max(1, gzipExpansion) : 1);
        return jobEstimate.plusSeconds(contentBytes / Math.max(1, throughputBytesPerSecond));
    }

    /**
     * Trips analysed at once within one input in the pipeline: {@code analysis.binding.threads} when set
     * (above 0), else the vCPUs shared out among the inputs analysed at once ({@code analysis_concurrency}),
     * at least one. So inputs x threads stays about the vCPUs, where both defaulting to the vCPUs gave
     * their square (threads waiting on the analyzer pool, and twice as many trips held per input).
     */
    public static int threadsPerInput(int configuredThreads, int inputsAtOnce, int vcpus) {
        return configuredThreads > 0 ? configuredThreads : Math.max(1, vcpus / Math.max(1, inputsAtOnce));
    }

    public ResultLayout layout(String engineVersion) {
        String version = resultVersion.isEmpty() ? engineVersion : resultVersion;
        return new ResultLayout(outputBucket, outputPrefix, version);
    }

    /**
     * The layout of the pipeline configured by {@code environment}: with an empty {@code result_version},
     * the version of the analysis {@link AnalysisSelection} picks there (engine, configuration and map
     * fingerprint), which is how the Lambda function and the worker name their results. Anything that
     * looks for those results (reconcile) must derive it the same way, from the same environment.
     */
    public ResultLayout layoutFor(Map<String, String> environment) {
        return layout(resultVersion.isEmpty() ? AnalysisSelection.select(environment).version(environment) : resultVersion);
    }

    /** Defaults only. */
    public static PipelineSettings defaultSettings() {
        return from(PipelineConfig.DEFAULTS);
    }

    /**
     * The whole configuration as the Lambda function and the worker read it: the YAML file named by
     * {@code DRIVELOG_CONFIG} if set, else the defaults, then the {@code DRIVELOG_<SECTION>__<KEY>}
     * overrides (e.g. {@code DRIVELOG_PIPELINE__OUTPUT_BUCKET}).
     *
     * @throws dev.drivelog.config.ConfigException naming the key and the file when something is wrong
     */
    public static DrivelogConfig loadConfig(Map<String, String> environment) {
        String file = environment.get("DRIVELOG_CONFIG");
        if (file != null && !file.isBlank()) {
            return ConfigLoader.load(Path.of(file), environment);
        }
        return ConfigLoader.fromEnvironment(environment);
    }

    /** The pipeline settings of {@link #loadConfig(Map)}. */
    public static PipelineSettings load(Map<String, String> environment) {
        return from(loadConfig(environment).pipeline());
    }

    /** Typed settings from the checked {@code pipeline:} section; range errors name the key. */
    public static PipelineSettings from(PipelineConfig config) {
        String outputBucket = config.string("output_bucket");
        String owner = config.string("expected_bucket_owner");
        TransferSettings transfers = new TransferSettings(
                mebibytes(config, "upload_part_size_mib"),
                (int) config.number("upload_parts_in_flight"),
                mebibytes(config, "download_part_size_mib"),
                (int) config.number("download_parts_in_flight"),
                config.number("ranged_download_minimum_mib") * MIB,
                (int) config.number("max_connections"));
        return new PipelineSettings(
                outputBucket.isEmpty() ? null : outputBucket,
                config.string("output_prefix"),
                config.string("result_version"),
                owner.isEmpty() ? null : owner,
                config.number("max_input_mib") * MIB,
                (int) config.number("analysis_concurrency"),
                Duration.ofSeconds(config.number("time_reserve_seconds")),
                Duration.ofSeconds(config.number("job_estimate_seconds")),
                config.number("estimated_throughput_mib_per_second") * MIB,
                config.number("estimated_gzip_expansion"),
                transfers);
    }

    private static int mebibytes(PipelineConfig config, String key) {
        long value = config.number(key);
        if (value > 2047) {
            throw new IllegalArgumentException("pipeline." + key + " must be at most 2047 (one part is one Java array), got " + value);
        }
        return (int) (value * MIB);
    }
}
