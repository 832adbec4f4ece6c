package dev.drivelog.evaluation;

import java.util.List;

/** One trip's ground truth ({@code drivelog.truth/1}): the route driven and the violations committed. */
public record TruthTrip(String tripId, List<WayInterval> route, List<TimedViolation> violations) {
    public TruthTrip {
        route = List.copyOf(route);
        violations = List.copyOf(violations);
    }
}
