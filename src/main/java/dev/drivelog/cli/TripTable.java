package dev.drivelog.cli;

import dev.drivelog.analysis.result.TripSummary;
import dev.drivelog.analysis.result.Violation;
import dev.drivelog.output.TripOutcome;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The short per-trip table {@code drivelog analyze} prints: trip, points, km, matched %, violations by type. */
final class TripTable {
    private static final String ROW = "%-44s %8s %9s %8s  %s%n";

    private final PrintWriter out;

    TripTable(PrintWriter out) {
        this.out = out;
    }

    void header() {
        out.printf(Locale.ROOT, ROW, "trip", "points", "km", "matched", "violations");
    }

    void row(TripOutcome outcome) {
        if (outcome.failed()) {
            out.printf(Locale.ROOT, ROW, outcome.tripId(), outcome.points(), "-", "-", "FAILED: " + outcome.error());
        } else {
            TripSummary summary = outcome.result().summary();
            out.printf(Locale.ROOT, ROW, outcome.tripId(), outcome.points(),
                    String.format(Locale.ROOT, "%.2f", summary.distanceM() / 1000.0),
                    String.format(Locale.ROOT, "%.1f%%", summary.matchedFraction() * 100.0),
                    violations(outcome));
        }
        out.flush();
    }

    private static String violations(TripOutcome outcome) {
        Map<String, Integer> byType = new TreeMap<>();
        for (Violation violation : outcome.result().violations()) {
            byType.merge(violation.type(), 1, Integer::sum);
        }
        if (byType.isEmpty()) {
            return "-";
        }
        StringBuilder text = new StringBuilder();
        byType.forEach((type, count) -> text.append(text.isEmpty() ? "" : " ").append(type).append('=').append(count));
        return text.toString();
    }
}
