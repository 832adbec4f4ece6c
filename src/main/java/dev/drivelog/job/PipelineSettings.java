package dev.drivelog.job;

import dev.drivelog.storage.TransferSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The {@code pipeline:} section of config/drivelog.yaml, validated, with environment overrides
 * ({@code DRIVELOG_PIPELINE_<KEY>} in upper case, e.g. {@code DRIVELOG_PIPELINE_OUTPUT_BUCKET}),
 * which win over the file. Defaults live in {@link #DEFAULTS} only.
 *
 * @param outputBucket          bucket for results; null means each input's own bucket
 * @param outputPrefix          key prefix of all results
 * @param resultVersion         engine and configuration identity in result keys; a new one reanalyses
 * @param maxInputBytes         larger inputs are rejected (permanently)
 * @param analysisConcurrency   analyses running at once (native, CPU-bound)
 * @param timeReserve           kept free at the end of an invocation
 * @param jobEstimate           assumed time of one small job, for the time budget
 * @param throughputBytesPerSecond assumed analysis throughput, for the time budget of large inputs
 * @param transfers             S3 transfer sizes and connection pool
 */
public record PipelineSettings(
        String outputBucket,
        String outputPrefix,
        String resultVersion,
        long maxInputBytes,
        int analysisConcurrency,
        Duration timeReserve,
        Duration jobEstimate,
        long throughputBytesPerSecond,
        TransferSettings transfers) {

    private static final long MIB = 1024 * 1024;

    /** Every key with its default; the YAML file documents the same keys. */
    static final Map<String, Object> DEFAULTS = defaults();

    private static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("output_bucket", "");
        d.put("output_prefix", "results/");
        d.put("result_version", "");
        d.put("max_input_mib", 4096);
        d.put("analysis_concurrency", 0);
        d.put("time_reserve_seconds", 10);
        d.put("job_estimate_seconds", 2);
        d.put("estimated_throughput_mib_per_second", 20);
        d.put("upload_part_size_mib", 8);
        d.put("upload_parts_in_flight", 4);
        d.put("download_part_size_mib", 8);
        d.put("download_parts_in_flight", 8);
        d.put("ranged_download_minimum_mib", 16);
        d.put("max_connections", 64);
        return Map.copyOf(d);
    }

    public PipelineSettings {
        if (analysisConcurrency <= 0) {
            analysisConcurrency = Runtime.getRuntime().availableProcessors();
        }
    }

    public Duration estimateFor(long sizeBytes) {
        long seconds = sizeBytes <= 0 ? 0 : sizeBytes / Math.max(1, throughputBytesPerSecond);
        return jobEstimate.plusSeconds(seconds);
    }

    public ResultLayout layout(String engineVersion) {
        String version = resultVersion.isEmpty() ? engineVersion : resultVersion;
        return new ResultLayout(outputBucket, outputPrefix, version);
    }

    /** Defaults only. */
    public static PipelineSettings defaultSettings() {
        return fromMap(Map.of(), Map.of());
    }

    /**
     * Reads {@code DRIVELOG_CONFIG} (a YAML file) when set, then applies the environment overrides.
     *
     * @throws IllegalArgumentException naming the key and the file when something is wrong
     */
    public static PipelineSettings load(Map<String, String> environment) {
        String file = environment.get("DRIVELOG_CONFIG");
        Map<String, Object> section = Map.of();
        if (file != null && !file.isBlank()) {
            section = readSection(Path.of(file));
        }
        return fromMap(section, environment);
    }

    static Map<String, Object> readSection(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (root == null) {
                return Map.of();
            }
            if (!(root instanceof Map<?, ?> top)) {
                throw new IllegalArgumentException(file + ": expected a mapping at the top level");
            }
            Object pipeline = top.get("pipeline");
            if (pipeline == null) {
                return Map.of();
            }
            if (!(pipeline instanceof Map<?, ?> section)) {
                throw new IllegalArgumentException(file + ": 'pipeline' must be a mapping");
            }
            Map<String, Object> result = new HashMap<>();
            section.forEach((k, v) -> result.put(String.valueOf(k), v));
            return result;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read configuration " + file + ": " + e.getMessage(), e);
        }
    }

    static PipelineSettings fromMap(Map<String, Object> section, Map<String, String> environment) {
        Set<String> unknown = new java.util.TreeSet<>(section.keySet());
        unknown.removeAll(DEFAULTS.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown key(s) in pipeline: " + unknown + "; known: " + new java.util.TreeSet<>(DEFAULTS.keySet()));
        }
        Map<String, Object> values = new HashMap<>(DEFAULTS);
        section.forEach((k, v) -> {
            if (v != null) {
                values.put(k, v);
            }
        });
        for (String key : DEFAULTS.keySet()) {
            String override = environment.get("DRIVELOG_PIPELINE_" + key.toUpperCase(Locale.ROOT));
            if (override != null) {
                values.put(key, override);
            }
        }
        String outputBucket = text(values, "output_bucket");
        TransferSettings transfers = new TransferSettings(
                (int) (number(values, "upload_part_size_mib") * MIB),
                (int) number(values, "upload_parts_in_flight"),
                (int) (number(values, "download_part_size_mib") * MIB),
                (int) number(values, "download_parts_in_flight"),
                number(values, "ranged_download_minimum_mib") * MIB,
                (int) number(values, "max_connections"));
        return new PipelineSettings(
                outputBucket.isEmpty() ? null : outputBucket,
                text(values, "output_prefix"),
                text(values, "result_version"),
                number(values, "max_input_mib") * MIB,
                (int) number(values, "analysis_concurrency"),
                Duration.ofSeconds(number(values, "time_reserve_seconds")),
                Duration.ofSeconds(number(values, "job_estimate_seconds")),
                number(values, "estimated_throughput_mib_per_second") * MIB,
                transfers);
    }

    private static String text(Map<String, Object> values, String key) {
        Object value = values.get(key);
        return value == null ? "" : value.toString();
    }

    private static long number(Map<String, Object> values, String key) {
        Object value = values.get(key);
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pipeline." + key + " must be a whole number, got '" + value + "'", e);
        }
    }
}
