package dev.drivelog.config;

/**
 * The {@code reconcile:} section: the scheduled reconcile function ({@code dev.drivelog.lambda.ReconcileHandler}),
 * which enqueues inputs that have no committed result (docs/RELIABILITY.md). The command
 * {@code drivelog reconcile} takes the same things as options instead.
 *
 * @param input              where the drive logs are, {@code s3://bucket/prefix}; empty until deployed
 * @param inputSuffix        only keys ending with this are inputs (the S3 notification's suffix filter); "" = all
 * @param queueUrl           the job queue's URL; empty until deployed
 * @param sinceHours         look-back: only inputs modified in the last this many hours are checked; 0 = all
 * @param minAgeMinutes      inputs modified more recently are left out (their notifications are still on the way)
 * @param concurrentChecks   manifest checks (HEAD requests) in flight, 1..256
 * @param timeReserveSeconds kept free before the invocation deadline: listing stops when less remains
 */
public record ReconcileConfig(String input, String inputSuffix, String queueUrl, long sinceHours, long minAgeMinutes, int concurrentChecks, long timeReserveSeconds) {
    /** Most checks in flight; also the size of the S3 connection pool the function opens. */
    public static final int MAX_CONCURRENT_CHECKS = 256;

    public static final ReconcileConfig DEFAULTS = new ReconcileConfig("", "", "", 3, 60, 32, 10);

    public ReconcileConfig {
        if (!input.isEmpty() && !input.matches("s3://[^/]+(/.*)?")) {
            throw new ConfigException("reconcile.input", "must be s3://bucket or s3://bucket/prefix, got '" + input + "'");
        }
        if (sinceHours < 0) {
            throw new ConfigException("reconcile.since_hours", "must not be negative (0 means every input), got " + sinceHours);
        }
        if (minAgeMinutes < 0) {
            throw new ConfigException("reconcile.min_age_minutes", "must not be negative, got " + minAgeMinutes);
        }
        if (sinceHours > 0 && sinceHours * 60 <= minAgeMinutes) {
            throw new ConfigException("reconcile.since_hours", "must reach further back than reconcile.min_age_minutes ("
                    + minAgeMinutes + " min), or no input is ever checked; got " + sinceHours + " h");
        }
        if (concurrentChecks < 1 || concurrentChecks > MAX_CONCURRENT_CHECKS) {
            throw new ConfigException("reconcile.concurrent_checks", "must be 1.." + MAX_CONCURRENT_CHECKS + ", got "
                    + concurrentChecks);
        }
        if (timeReserveSeconds < 0) {
            throw new ConfigException("reconcile.time_reserve_seconds", "must not be negative, got " + timeReserveSeconds);
        }
    }

    public static ReconcileConfig from(ConfigSection section) {
        ReconcileConfig config = new ReconcileConfig(
                section.stringValue("input", DEFAULTS.input()),
                section.stringValue("input_suffix", DEFAULTS.inputSuffix()),
                section.stringValue("queue_url", DEFAULTS.queueUrl()),
                section.longValue("since_hours", DEFAULTS.sinceHours()),
                section.longValue("min_age_minutes", DEFAULTS.minAgeMinutes()),
                section.intValue("concurrent_checks", DEFAULTS.concurrentChecks()),
                section.longValue("time_reserve_seconds", DEFAULTS.timeReserveSeconds()));
        section.refuseUnknownKeys();
        return config;
    }
}
