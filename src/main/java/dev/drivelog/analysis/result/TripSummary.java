package dev.drivelog.analysis.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A trip's totals. Times are seconds since the Unix epoch (UTC); distances metres.
 *
 * @param matchedFraction share of used points matched to a road, in [0, 1]
 * @param segments        matched stretches (a gap or an unmatched run starts a new one)
 * @param startTime       null for a trip without usable points
 * @param endTime         null for a trip without usable points
 * @param stopSigns       what became of the stop signs the path passed; null if the engine did not say
 * @param events          how much of the trip the driving events could be judged for; null before 1.2
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TripSummary(
        long points,
        long pointsUsed,
        long matchedPoints,
        double matchedFraction,
        int segments,
        double distanceM,
        double durationS,
        Double startTime,
        Double endTime,
        TripQuality quality,
        @JsonInclude(JsonInclude.Include.NON_NULL) StopSignCounts stopSigns,
        @JsonInclude(JsonInclude.Include.NON_NULL) EventCoverage events) {}
