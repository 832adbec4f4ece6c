package dev.drivelog.output;

import java.util.Map;
import java.util.TreeMap;

/** Running totals over the trips of one input; not thread safe (the writers run on one thread). */
final class InputTotals {
    int trips;
    int failedTrips;
    long points;
    double distanceMeters;
    final Map<String, Integer> violationsByType = new TreeMap<>();
    final Map<String, Integer> eventsByType = new TreeMap<>();
    /** Findings (violations and events) by type, then severity ({@code ungraded} for a null one). */
    final Map<String, Map<String, Integer>> bySeverity = new TreeMap<>();
    String engineVersion;

    void add(TripOutcome outcome) {
        trips++;
        points += outcome.points();
        if (outcome.failed()) {
            failedTrips++;
            return;
        }
        distanceMeters += outcome.result().summary().distanceM();
        outcome.result().violations().forEach(v -> violationsByType.merge(v.type(), 1, Integer::sum));
        outcome.result().events().forEach(e -> eventsByType.merge(e.type(), 1, Integer::sum));
        outcome.result().violations().forEach(this::countSeverity);
        outcome.result().events().forEach(this::countSeverity);
        if (engineVersion == null) {
            engineVersion = outcome.result().engineVersion();
        }
    }

    private void countSeverity(dev.drivelog.analysis.result.Violation finding) {
        String severity = finding.severity() == null ? "ungraded" : finding.severity();
        bySeverity.computeIfAbsent(finding.type(), type -> new TreeMap<>()).merge(severity, 1, Integer::sum);
    }

    int events() {
        return eventsByType.values().stream().mapToInt(Integer::intValue).sum();
    }

    int violations() {
        return violationsByType.values().stream().mapToInt(Integer::intValue).sum();
    }
}
