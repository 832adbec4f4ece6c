package dev.drivelog.config;

/**
 * The {@code pipeline:} section: the SQS to S3 pipeline (Lambda handler and worker). Owned by the
 * pipeline concern, which adds its fields here (read them in {@link #from} with the section's
 * getters, defaults in DEFAULTS).
 */
public record PipelineConfig() {

    public static final PipelineConfig DEFAULTS = new PipelineConfig();

    public static PipelineConfig from(ConfigSection section) {
        section.refuseUnknownKeys();
        return DEFAULTS;
    }
}
