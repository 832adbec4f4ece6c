package dev.drivelog.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code pipeline:} section: the SQS to S3 pipeline (Lambda handler, worker, demo). Holds the
 * checked raw values (strings and whole numbers, defaults in {@link #DEFAULT_VALUES}); the pipeline
 * turns them into its typed settings ({@code dev.drivelog.job.PipelineSettings}), which validates
 * ranges and names the key in its messages. Kept untyped here so that config does not depend on job.
 */
public record PipelineConfig(Map<String, Object> values) {

    /** Every key with its default, in the order of config/drivelog.yaml. */
    public static final Map<String, Object> DEFAULT_VALUES = defaultValues();

    static final String EXPECTED_BUCKET_OWNER = "expected_bucket_owner";

    public static final PipelineConfig DEFAULTS = new PipelineConfig(DEFAULT_VALUES);

    public PipelineConfig {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    private static Map<String, Object> defaultValues() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("output_bucket", "");
        d.put("output_prefix", "results/");
        d.put("result_version", "");
        d.put("expected_bucket_owner", "");
        d.put("max_input_mib", 4096L);
        d.put("analysis_concurrency", 0L);
        d.put("time_reserve_seconds", 10L);
        d.put("job_estimate_seconds", 2L);
        d.put("estimated_throughput_mib_per_second", 20L);
        d.put("estimated_gzip_expansion", 5L);
        d.put("upload_part_size_mib", 8L);
        d.put("upload_parts_in_flight", 4L);
        d.put("download_part_size_mib", 8L);
        d.put("download_parts_in_flight", 8L);
        d.put("ranged_download_minimum_mib", 16L);
        d.put("max_connections", 64L);
        return Collections.unmodifiableMap(d);
    }

    public static PipelineConfig from(ConfigSection section) {
        Map<String, Object> values = new LinkedHashMap<>();
        DEFAULT_VALUES.forEach((key, fallback) -> {
            if (fallback instanceof String text) {
                values.put(key, section.stringValue(key, text));
            } else {
                long number = section.longValue(key, (Long) fallback);
                if (number < 0) {
                    throw new ConfigException(section.keyPath(key), "must not be negative, got " + number);
                }
                values.put(key, number);
            }
        });
        section.refuseUnknownKeys();
        String owner = (String) values.get(EXPECTED_BUCKET_OWNER);
        if (!owner.isEmpty() && !owner.matches("[0-9]{12}")) {
            // YAML reads an unquoted 012345678901 as a float and 0123... of octal digits as octal.
            throw new ConfigException(section.keyPath(EXPECTED_BUCKET_OWNER), "must be a 12-digit AWS account id "
                    + "(in YAML in quotes, so that leading zeros stay: '012345678901') or empty, got '" + owner + "'");
        }
        return new PipelineConfig(values);
    }

    public String string(String key) {
        return (String) values.get(key);
    }

    public long number(String key) {
        return (Long) values.get(key);
    }
}
