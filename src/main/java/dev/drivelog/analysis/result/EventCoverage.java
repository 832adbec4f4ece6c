package dev.drivelog.analysis.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * How much of a trip the braking, acceleration and cornering events could be judged for: they need
 * trusted reported speeds at fixes close in time; the rest is undecided, not guessed.
 *
 * @param decidedS        seconds of matched driving judged
 * @param undecidedS      seconds not judged
 * @param undecidedReason {@code no_speeds}, {@code speeds_ignored} or {@code sparse_fixes}; null when
 *                        nothing was undecided
 * @param curvesJudged    curves whose core speed was measured, or proven over the allowed speed
 *                        (curve_overspeed; absent, read as 0, in older results)
 * @param curvesUndecided curves neither measured nor proven: no finding, and no claim either way
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventCoverage(
        double decidedS,
        double undecidedS,
        @JsonInclude(JsonInclude.Include.ALWAYS) String undecidedReason,
        @JsonSetter(nulls = Nulls.AS_EMPTY) int curvesJudged,
        @JsonSetter(nulls = Nulls.AS_EMPTY) int curvesUndecided) {

    /** Coverage without curve counts (results that carry none). */
    public EventCoverage(double decidedS, double undecidedS, String undecidedReason) {
        this(decidedS, undecidedS, undecidedReason, 0, 0);
    }
}
