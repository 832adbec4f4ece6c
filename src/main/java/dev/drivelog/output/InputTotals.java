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
        if (engineVersion == null) {
            engineVersion = outcome.result().engineVersion();
        }
    }

    int violations() {
        return violationsByType.values().stream().mapToInt(Integer::intValue).sum();
    }
}
