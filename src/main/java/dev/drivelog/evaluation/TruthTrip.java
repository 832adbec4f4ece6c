package dev.drivelog.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * One trip's ground truth ({@code drivelog.truth/1}): the route driven, the violations committed, the driving events (empty in truth written before they existed),
 * the receiver's gaps (stretches the log does not show), and the times of the fixes the log has
 * ({@code fix_times}; empty in truth written before it existed).
 */
public record TruthTrip(String tripId, List<WayInterval> route, List<TimedViolation> violations, List<ReceiverGap> receiverGaps,
                        List<Double> fixTimes, List<TimedViolation> events) {
    public TruthTrip {
        route = List.copyOf(route);
        violations = List.copyOf(violations);
        events = List.copyOf(events);
        receiverGaps = List.copyOf(receiverGaps);
        fixTimes = List.copyOf(fixTimes);
    }

    public TruthTrip(String tripId, List<WayInterval> route, List<TimedViolation> violations, List<ReceiverGap> receiverGaps,
                     List<Double> fixTimes) {
        this(tripId, route, violations, receiverGaps, fixTimes, List.of());
    }

    public TruthTrip(String tripId, List<WayInterval> route, List<TimedViolation> violations, List<ReceiverGap> receiverGaps) {
        this(tripId, route, violations, receiverGaps, List.of());
    }

    /**
     * Whether a receiver gap hides part of the violation, or part of it lies before the log's first
     * fix or after its last (a dropout at either end of the drive is no gap between two fixes), so
     * that no log-based engine could be sure of it.
     */
    boolean hidden(TimedViolation violation) {
        return receiverGaps.stream().anyMatch(gap -> gap.hides(violation)) || outsideTheLog(violation);
    }

    /**
     * The spans of the route the log does not show: the receiver gaps, and the drive before the first
     * fix and after the last (a dropout at either end of the drive), as for {@link #hidden}.
     */
    List<ReceiverGap> unloggedSpans() {
        if (fixTimes.isEmpty() || route.isEmpty()) {
            return receiverGaps;
        }
        double first = fixTimes.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double last = fixTimes.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double routeStart = route.stream().mapToDouble(WayInterval::startTime).min().orElseThrow();
        double routeEnd = route.stream().mapToDouble(WayInterval::endTime).max().orElseThrow();
        List<ReceiverGap> spans = new ArrayList<>(receiverGaps);
        if (routeStart < first) {
            spans.add(new ReceiverGap(routeStart, first));
        }
        if (routeEnd > last) {
            spans.add(new ReceiverGap(last, routeEnd));
        }
        return spans;
    }

    private boolean outsideTheLog(TimedViolation violation) {
        if (fixTimes.isEmpty()) {
            return false;  // truth written before fix_times existed: the log's span is unknown
        }
        double first = fixTimes.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double last = fixTimes.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return violation.startTime() < first || violation.endTime() > last;
    }
}
