package dev.drivelog.evaluation;

/**
 * How strictly found violations and matched ways are compared with the truth.
 *
 * @param slackSeconds  a found violation matches a true one of the same type when their intervals,
 *                      each widened by this much on both sides, overlap
 * @param bridgeSeconds gaps between matched ways up to this long are split between the neighbours
 *                      (see {@link RouteCoverage}); use at least twice the sampling interval
 * @param routeToleranceSeconds how far a matched way's interpolated start and end may be off in
 *                      time (see {@link RouteCoverage}); null: one sampling interval of each trip's
 *                      log (from its truth's {@code fix_times}; 1 s without them)
 */
public record EvaluationSettings(double slackSeconds, double bridgeSeconds, Double routeToleranceSeconds) {
    public static final EvaluationSettings DEFAULTS = new EvaluationSettings(2.0, 12.0, null);

    public EvaluationSettings {
        if (!(slackSeconds >= 0) || !(bridgeSeconds >= 0)) {
            throw new IllegalArgumentException("slack and bridge must be >= 0 seconds, got " + slackSeconds + " and " + bridgeSeconds);
        }
        if (routeToleranceSeconds != null && !(routeToleranceSeconds >= 0)) {
            throw new IllegalArgumentException("route tolerance must be >= 0 seconds, got " + routeToleranceSeconds);
        }
    }

    public EvaluationSettings(double slackSeconds, double bridgeSeconds) {
        this(slackSeconds, bridgeSeconds, null);
    }
}
