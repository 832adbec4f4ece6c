package dev.drivelog.evaluation;

import java.util.List;

/**
 * One trip's analysis result ({@code drivelog.trip/1.1}; files of {@code drivelog.trip/1} are read alike): the violations found and the matched ways.
 * {@code hasMatchedPath}: whether the result carries a {@code matched} list at all (analysed with
 * {@code matched=true}); without one, nothing can be said about the route.
 */
public record ResultTrip(String tripId, List<WayInterval> matched, List<TimedViolation> violations, boolean hasMatchedPath) {
    public ResultTrip {
        matched = List.copyOf(matched);
        violations = List.copyOf(violations);
    }

    public ResultTrip(String tripId, List<WayInterval> matched, List<TimedViolation> violations) {
        this(tripId, matched, violations, true);
    }
}
