package dev.drivelog.cli;

import dev.drivelog.analysis.result.TripSummary;
import dev.drivelog.analysis.result.Violation;
import dev.drivelog.output.TripOutcome;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The short per-trip table {@code drivelog analyze} prints: trip, points, km, matched %, violations by type. */
final class TripTable {
    private static final String ROW = "%-44s %8s %9s %8s  %s%n";

    private final PrintWriter out;
    private final StringBuilder line = new StringBuilder(128);

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
            out.print(row(outcome.tripId(), outcome.points(), fixed(summary.distanceM() / 1000.0, 2),
                    fixed(summary.matchedFraction() * 100.0, 1) + "%", violations(outcome)));
        }
        out.flush();
    }

    /**
     * {@link #ROW} filled in without a Formatter, which parsed the pattern again for every trip and was
     * a few per cent of a fleet's CPU in {@code drivelog analyze}; TripTableTest holds the two equal.
     */
    String row(String trip, long points, String km, String matched, String violations) {
        line.setLength(0);
        padRight(trip, 44);
        line.append(' ');
        padLeft(Long.toString(points), 8);
        line.append(' ');
        padLeft(km, 9);
        line.append(' ');
        padLeft(matched, 8);
        line.append("  ").append(violations).append(System.lineSeparator());
        return line.toString();
    }

    private void padRight(String text, int width) {
        line.append(text);
        line.repeat(' ', Math.max(0, width - text.length()));
    }

    private void padLeft(String text, int width) {
        line.repeat(' ', Math.max(0, width - text.length()));
        line.append(text);
    }

    /**
     * {@code String.format(Locale.ROOT, "%.Nf", value)}: the Formatter rounds the shortest decimal that
     * reads back as the double ({@link Double#toString}) half up, which BigDecimal does the same way.
     */
    static String fixed(double value, int decimals) {
        if (!Double.isFinite(value) || value == 0) {
            return String.format(Locale.ROOT, "%." + decimals + "f", value); // NaN, infinities, the sign of zero
        }
        return new BigDecimal(Double.toString(value)).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
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
