package dev.drivelog.analysis.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A stretch of the matched path on one OSM way.
 *
 * @param forward     true when driven in the way's digitised direction
 * @param segment     the matched segment (between breaks) this stretch belongs to; null if not given
 * @param coordinates the path as {@code [lon, lat]} pairs (GeoJSON order), WGS 84 degrees; a {@link Positions}
 *                    when every position is a pair
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MatchedSegment(
        long osmWayId,
        String roadName,
        double startTime,
        double endTime,
        boolean forward,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer segment,
        List<double[]> coordinates) {

    public MatchedSegment {
        roadName = roadName == null ? "" : roadName;
        // Pairs (all the engine writes) as one flat array; a path with another length of position as a plain copy.
        Positions flat = Positions.of(coordinates);
        coordinates = flat != null ? flat : List.copyOf(coordinates);
    }
}
