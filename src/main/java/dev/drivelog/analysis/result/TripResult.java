package dev.drivelog.analysis.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One analysed trip as the native engine returns it ({@code drivelog.trip/1.5}, docs/RESULT_FORMAT.md;
 * {@code drivelog.trip/1.4}, 1.3 and 1.2 results, and 1.1 ones without events and severities, are read alike). Unknown fields
 * are ignored so that a newer engine adding fields does not break this reader.
 *
 * @param events   driving events (harsh braking, ...): findings, never violations; empty before 1.2
 * @param matched the matched path, empty unless the analyzer ran with {@code matched=true}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TripResult(
        String schema,
        String tripId,
        String engineVersion,
        TripSummary summary,
        List<Violation> violations,
        List<Violation> events,
        List<MatchedSegment> matched) {

    /** The result format this reader understands. */
    public static final String SCHEMA = "drivelog.trip/1.5";

    /**
     * Every schema this reader takes: 1.4 lacks only the curve counts (read as 0), 1.3 also evidence
     * fields (read as a map), 1.2 also
     * {@code analysis}, 1.1 also the events and the severities.
     */
    public static final java.util.Set<String> READABLE_SCHEMAS =
            java.util.Set.of("drivelog.trip/1.1", "drivelog.trip/1.2", "drivelog.trip/1.3", "drivelog.trip/1.4", SCHEMA);

    public TripResult {
        violations = violations == null ? List.of() : List.copyOf(violations);
        events = events == null ? List.of() : List.copyOf(events);
        matched = matched == null ? List.of() : List.copyOf(matched);
    }
}
