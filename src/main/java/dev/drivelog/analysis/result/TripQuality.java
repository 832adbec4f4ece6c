package dev.drivelog.analysis.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Data-quality counters of a trip. The boxed ones are written only when the engine gave them.
 *
 * @param outOfOrderPoints points that came before their predecessor's time (re-sorted, kept)
 * @param unmatchedPoints  used points not placed on the path
 * @param breaks           times the matched path was broken (gaps, unroutable jumps)
 * @param flags            short names of the problems seen, e.g. {@code gaps}, {@code low_accuracy}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TripQuality(
        long droppedPoints,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long outOfOrderPoints,
        int gaps,
        double longestGapS,
        long lowAccuracyPoints,
        long outliers,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long unmatchedPoints,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer breaks,
        List<String> flags) {

    public TripQuality {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }
}
