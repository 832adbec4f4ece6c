package dev.drivelog.analysis.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * One finding with its evidence: a violation of the law, or a driving event (same shape; the result
 * keeps them in two lists, {@link TripResult#violations()} and {@link TripResult#events()}). {@code lat}/{@code lon} is where it starts (for a stop sign,
 * the sign itself), in WGS 84 degrees; times are seconds since the Unix epoch (UTC).
 *
 * @param severity {@code light}, {@code moderate}, {@code heavy} or {@code severe}; null for a type
 *                 that is not graded (and in results before {@code drivelog.trip/1.2})
 * @param evidence type-specific values (speeds in km/h, distances in metres, OSM ids), in the
 *                 engine's order; values are JSON scalars (String, Number, Boolean) or null; an
 *                 {@link Evidence} (unmodifiable)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Violation(
        String type,
        double startTime,
        double endTime,
        double lat,
        double lon,
        List<Long> osmWayIds,
        String roadName,
        double confidence,
        String severity,
        Map<String, Object> evidence) {

    public Violation {
        osmWayIds = osmWayIds == null ? List.of() : List.copyOf(osmWayIds);
        roadName = roadName == null ? "" : roadName;
        // Keep the engine's key order (Map.copyOf would not) but allow no changes; the reader's own
        // Evidence is taken as it is (it cannot change), anything else copied into one.
        evidence = Evidence.of(evidence);
    }
}
