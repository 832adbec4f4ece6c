package dev.drivelog.evaluation;

import java.util.List;

/**
 * One trip's analysis result ({@code drivelog.trip/1.5}; files of 1.4, 1.3 and 1.2, and of {@code drivelog.trip/1} and 1.1 without
 * events, are read alike): the violations and driving events found and the matched ways.
 * {@code hasMatchedPath}: whether the result carries a {@code matched} list at all (analysed with
 * {@code matched=true}); without one, nothing can be said about the route.
 */
public record ResultTrip(String tripId, List<WayInterval> matched, List<TimedViolation> violations, boolean hasMatchedPath,
                         List<TimedViolation> events) {
    public ResultTrip {
        matched = List.copyOf(matched);
        violations = List.copyOf(violations);
        events = List.copyOf(events);
    }

    public ResultTrip(String tripId, List<WayInterval> matched, List<TimedViolation> violations, boolean hasMatchedPath) {
        this(tripId, matched, violations, hasMatchedPath, List.of());
    }

    public ResultTrip(String tripId, List<WayInterval> matched, List<TimedViolation> violations) {
        this(tripId, matched, violations, true);
    }
}
