package dev.drivelog.analysis.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The stop signs a trip drove through in their direction, and what became of each.
 *
 * @param undecided the fixes around the line were too sparse to tell (not a violation)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record StopSignCounts(int passed, int stopped, int violations, int undecided) {}
