package dev.drivelog.evaluation;

/**
 * How strictly found violations and matched ways are compared with the truth.
 *
 * @param slackSeconds  a found violation matches a true one of the same type when their intervals,
 *                      each widened by this much on both sides, overlap
 * @param bridgeSeconds gaps between matched ways up to this long are split between the neighbours
 *                      (see {@link RouteCoverage}); use at least twice the sampling interval
 */
public record EvaluationSettings(double slackSeconds, double bridgeSeconds) {
    public static final EvaluationSettings DEFAULTS = new EvaluationSettings(2.0, 12.0);

    public EvaluationSettings {
        if (!(slackSeconds >= 0) || !(bridgeSeconds >= 0)) {
            throw new IllegalArgumentException("slack and bridge must be >= 0 seconds, got " + slackSeconds + " and " + bridgeSeconds);
        }
    }
}
