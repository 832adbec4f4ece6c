package dev.drivelog.analysis.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventCoverage(
        double decidedS, double undecidedS, @JsonInclude(JsonInclude.Include.ALWAYS) String undecidedReason) {}
