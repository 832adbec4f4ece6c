package dev.drivelog.analysis.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Data-quality counters of a trip.
 *
 * @param flags short names of the problems seen, e.g. {@code gaps}, {@code low_accuracy}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TripQuality(
        long droppedPoints,
        int gaps,
        double longestGapS,
        long lowAccuracyPoints,
        long outliers,
        List<String> flags) {

    public TripQuality {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }
}
