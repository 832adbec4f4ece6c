package dev.drivelog.job;

import java.util.List;
import java.util.Map;

/**
 * What analysing one input produced.
 *
 * @param trips           trips analysed
 * @param points          points read (before cleaning)
 * @param violationCounts violations found, by type
 * @param failedTrips     trips that could not be analysed (each one described in {@code problems})
 * @param outputs         the result files written, by name
 * @param problems        human-readable notes: skipped lines (with line numbers), failed trips
 */
public record InputReport(
        int trips,
        long points,
        Map<String, Integer> violationCounts,
        int failedTrips,
        List<String> outputs,
        List<String> problems) {

    public InputReport {
        violationCounts = Map.copyOf(violationCounts);
        outputs = List.copyOf(outputs);
        problems = List.copyOf(problems);
    }

    public int violations() {
        return violationCounts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
