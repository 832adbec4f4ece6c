package dev.drivelog.config;

import java.util.Objects;

/**
 * The whole of config/drivelog.yaml: one record per top-level section. Load it with
 * {@link ConfigLoader}; {@link #DEFAULTS} is what an empty file means.
 */
public record DrivelogConfig(LogsConfig logs, AnalysisConfig analysis, OutputConfig output, PipelineConfig pipeline,
        ReconcileConfig reconcile, ReportConfig report, ScoreConfig score) {

    public static final DrivelogConfig DEFAULTS = new DrivelogConfig(
            LogsConfig.DEFAULTS, AnalysisConfig.DEFAULTS, OutputConfig.DEFAULTS, PipelineConfig.DEFAULTS,
            ReconcileConfig.DEFAULTS, ReportConfig.DEFAULTS, ScoreConfig.DEFAULTS);

    public DrivelogConfig {
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(reconcile, "reconcile");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(score, "score");
    }

    /** Reads the root mapping; each section record reads its own keys and refuses unknown ones. */
    public static DrivelogConfig from(ConfigSection root) {
        DrivelogConfig config = new DrivelogConfig(
                LogsConfig.from(root.section("logs")),
                AnalysisConfig.from(root),
                OutputConfig.from(root.section("output")),
                PipelineConfig.from(root.section("pipeline")),
                ReconcileConfig.from(root.section("reconcile")),
                ReportConfig.from(root.section("report")),
                ScoreConfig.from(root.section("score")));
        root.refuseUnknownKeys();
        return config;
    }
}
