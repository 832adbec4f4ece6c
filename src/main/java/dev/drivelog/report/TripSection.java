package dev.drivelog.report;

import dev.drivelog.analysis.result.TripQuality;
import dev.drivelog.analysis.result.TripResult;
import dev.drivelog.analysis.result.TripSummary;
import dev.drivelog.analysis.result.Violation;
import dev.drivelog.logs.Trip;
import dev.drivelog.output.TripOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One trip's part of the report: summary facts, the map, the speed profile, and the violation list
 * whose entries (and map markers) show their evidence when clicked. Everything from data is escaped.
 */
final class TripSection {
    /** Most roads fetched for one trip's map; the least important classes are left out beyond it. */
    static final int MAX_ROADS = 20_000;

    private TripSection() {}

    /** Renders the trip with the map from {@code roads} (may be {@link RoadContext#EMPTY}). */
    static void render(StringBuilder out, int index, Trip trip, TripOutcome outcome, RoadContext roads) {
        String id = sectionId(index);
        out.append("<section class=\"trip\" id=\"").append(id).append("\" data-trip-id=\"")
                .append(Html.escape(outcome.tripId())).append("\">\n<h2>")
                .append(Html.escape(title(outcome))).append("</h2>\n");
        if (outcome.failed()) {
            out.append("<p class=\"failed\">Not analysed: ").append(Html.escape(outcome.error())).append("</p>\n</section>\n");
            return;
        }
        TripResult result = outcome.result();
        facts(out, trip, outcome, result.summary(), result.violations(), result.events(), roads);
        TripBox box = TripBox.around(trip);
        if (box == null) {
            out.append("<p class=\"failed\">No usable positions to draw.</p>\n</section>\n");
            return;
        }
        out.append("<div class=\"views\"><div class=\"map-frame\">");
        int drawn = new MapSvg(box).render(out, id, trip, result.matched(), result.violations(), result.events(), roads);
        out.append("<div class=\"legend\"><span class=\"k-raw\">GPS points")
                .append(drawn < trip.count() ? " (" + drawn + " of " + trip.count() + " drawn)" : "")
                .append("</span><span class=\"k-matched\">matched path</span><span class=\"k-stop\">stop sign</span>"
                        + "<span class=\"k-violation\">violation</span><span class=\"k-event\">driving event</span> &middot; wheel: zoom, drag: pan, double-click: reset</div></div>\n");
        out.append("<aside class=\"evidence\" aria-live=\"polite\"><p class=\"hint\">Click a violation (on the map or in the list) "
                + "to see its evidence.</p></aside></div>\n");
        new SpeedChart(trip).render(out, result.matched(), result.violations(), roads);
        findingList(out, id + "-v", "Violations", "violations", result.violations());
        findingList(out, id + "-e", "Driving events", "events", result.events());
        out.append("</section>\n");
    }

    static String sectionId(int index) {
        return "trip-" + index;
    }

    static String title(TripOutcome outcome) {
        return outcome.vehicleId().isEmpty() ? outcome.tripId() : outcome.vehicleId() + " \u00b7 " + outcome.tripId();
    }

    private static void facts(StringBuilder out, Trip trip, TripOutcome outcome, TripSummary summary,
                              List<Violation> violations, List<Violation> events, RoadContext roads) {
        out.append("<dl class=\"facts\">");
        fact(out, "Vehicle", outcome.vehicleId().isEmpty() ? "(none in the log)" : outcome.vehicleId());
        fact(out, "Start", summary.startTime() == null ? "-" : instant(summary.startTime()));
        fact(out, "End", summary.endTime() == null ? "-" : instant(summary.endTime()));
        fact(out, "Duration", String.format(Locale.ROOT, "%.0f min", summary.durationS() / 60));
        fact(out, "Distance", String.format(Locale.ROOT, "%.2f km", summary.distanceM() / 1000));
        fact(out, "Points", String.format(Locale.ROOT, "%d read, %d used", outcome.points(), summary.pointsUsed()));
        fact(out, "Matched", String.format(Locale.ROOT, "%.1f %%", summary.matchedFraction() * 100));
        TripQuality quality = summary.quality();
        fact(out, "Data quality", quality == null || quality.flags().isEmpty() ? "no flags" : String.join(", ", quality.flags()));
        fact(out, "Violations", countsByType(violations));
        fact(out, "Driving events", countsByType(events));
        if (roads.omittedRoads() > 0) {
            fact(out, "Map", roads.omittedRoads() + " minor roads not drawn");
        }
        out.append("</dl>\n");
    }

    /** E.g. {@code speeding 2, stop_sign 1}, or {@code none}. */
    private static String countsByType(List<Violation> findings) {
        Map<String, Integer> byType = new TreeMap<>();
        findings.forEach(v -> byType.merge(v.type(), 1, Integer::sum));
        StringBuilder counts = new StringBuilder();
        byType.forEach((type, n) -> counts.append(counts.isEmpty() ? "" : ", ").append(type).append(" ").append(n));
        return byType.isEmpty() ? "none" : counts.toString();
    }

    private static void fact(StringBuilder out, String name, String value) {
        out.append("<div><dt>").append(name).append("</dt><dd>").append(Html.escape(value)).append("</dd></div>");
    }

    /** A list of findings (violations or driving events) whose entries show their evidence when clicked. */
    private static void findingList(StringBuilder out, String keyPrefix, String heading, String listClass,
                                    List<Violation> findings) {
        out.append("<h3>").append(heading).append(" (").append(findings.size()).append(")</h3>\n<ol class=\"")
                .append(listClass).append("\">");
        for (int j = 0; j < findings.size(); j++) {
            Violation v = findings.get(j);
            String key = keyPrefix + j;
            out.append("<li><button type=\"button\" class=\"violation-item v-").append(Html.escape(v.type()))
                    .append("\" data-violation=\"").append(key).append("\"><span class=\"type\">").append(Html.escape(v.type()))
                    .append("</span>").append(v.severity() == null ? "" : " <span class=\"severity s-"
                            + Html.escape(v.severity()) + "\">" + Html.escape(v.severity()) + "</span>")
                    .append(" ").append(SpeedChart.clock(v.startTime())).append(" <span class=\"road\">")
                    .append(Html.escape(v.roadName())).append("</span></button>");
            evidence(out, key, v);
            out.append("</li>");
        }
        out.append("</ol>\n");
    }

    /** The evidence of one violation, hidden until it is clicked (report.js copies it into the aside). */
    private static void evidence(StringBuilder out, String key, Violation v) {
        out.append("<div class=\"evidence-detail\" id=\"").append(key).append("\" hidden><h4>").append(Html.escape(v.type()))
                .append("</h4><dl>");
        fact(out, "From", instant(v.startTime()));
        fact(out, "To", instant(v.endTime()));
        fact(out, "Road", v.roadName().isEmpty() ? "(unnamed)" : v.roadName());
        StringBuilder ways = new StringBuilder();
        v.osmWayIds().forEach(way -> ways.append(ways.isEmpty() ? "" : ", ").append(way));
        fact(out, "OSM way", ways.isEmpty() ? "-" : ways.toString());
        fact(out, "Position", String.format(Locale.ROOT, "%.6f, %.6f", v.lat(), v.lon()));
        fact(out, "Confidence", String.format(Locale.ROOT, "%.2f", v.confidence()));
        fact(out, "Severity", v.severity() == null ? "not graded" : v.severity());
        v.evidence().forEach((name, value) -> fact(out, name, String.valueOf(value)));
        out.append("</dl></div>");
    }

    static String instant(double epochSeconds) {
        return Instant.ofEpochMilli(Math.round(epochSeconds * 1000)).toString();
    }
}
