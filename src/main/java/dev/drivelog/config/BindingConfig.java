package dev.drivelog.config;

/**
 * The {@code analysis.binding:} subsection: how the Java side calls the engine. Read by Java and
 * never passed to the engine (see {@link AnalysisConfig#engineLines()}).
 *
 * @param mode                  in-process (FFM) or child processes
 * @param threads               trips analysed at once per input (analyzers or children); 0 = one per vCPU
 * @param processTimeoutSeconds process mode: a trip taking longer kills its child and fails
 */
public record BindingConfig(BindingMode mode, int threads, double processTimeoutSeconds) {

    public static final BindingConfig DEFAULTS = new BindingConfig(BindingMode.FFM, 0, 60);

    public BindingConfig {
        Require.present("analysis.binding.mode", mode);
        Require.between("analysis.binding.threads", threads, 0, 1024);
        Require.positive("analysis.binding.process_timeout_seconds", processTimeoutSeconds);
    }

    public static BindingConfig from(ConfigSection section) {
        BindingConfig d = DEFAULTS;
        BindingConfig config = new BindingConfig(
                section.enumValue("mode", BindingMode.class, d.mode()),
                section.intValue("threads", d.threads()),
                section.doubleValue("process_timeout_seconds", d.processTimeoutSeconds()));
        section.refuseUnknownKeys();
        return config;
    }

    /** {@link #threads} with 0 resolved to the number of vCPUs. */
    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
