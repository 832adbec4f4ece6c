package dev.drivelog.observability;

/**
 * The X-Ray trace header of the current invocation. The Lambda runtime interface client sets the
 * system property per invocation (from the Lambda-Runtime-Trace-Id header); the environment
 * variable is what Lambda's own runtimes and the Runtime Interface Emulator provide. The AWS SDK
 * reads the same two places and forwards the header on its requests.
 */
public final class TraceId {
    static final String PROPERTY = "com.amazonaws.xray.traceHeader";
    static final String ENVIRONMENT = "_X_AMZN_TRACE_ID";

    private TraceId() {}

    /** The current trace header (e.g. {@code Root=1-5e1b...;Parent=...;Sampled=1}), or null when there is none. */
    public static String current() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String env = System.getenv(ENVIRONMENT);
        return env == null || env.isBlank() ? null : env;
    }
}
