package dev.drivelog.evaluation;

import java.util.List;

/** One trip's analysis result ({@code drivelog.trip/1}): the violations found and the matched ways (may be empty). */
public record ResultTrip(String tripId, List<WayInterval> matched, List<TimedViolation> violations) {
    public ResultTrip {
        matched = List.copyOf(matched);
        violations = List.copyOf(violations);
    }
}
