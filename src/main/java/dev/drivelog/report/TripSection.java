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
 * One trip's part of the report: summary facts, the map, the speed profile, and the lists of
 * violations and driving events whose entries (and map markers) show their evidence when clicked. Everything from data is escaped.
 */
final class TripSection {
    /** Most roads fetched for one trip's map; the least important classes are left out beyond it. */
    static final int MAX_ROADS = 20_000;

    private TripSection() {}

    /** Renders the trip with the map from {@code roads} (may be {@link RoadContext#EMPTY}). */
    static void render(StringBuilder out, int index, Trip trip, TripOutcome outcome, RoadContext roads, Messages messages) {
        String id = sectionId(index);
        out.append("<section class=\"trip\" id=\"").append(id).append("\" data-trip-id=\"")
                .append(Html.escape(outcome.tripId())).append("\">\n<h2>")
                .append(Html.escape(title(outcome))).append("</h2>\n");
        if (outcome.failed()) {
            out.append("<p class=\"failed\">Not analysed: ").append(Html.escape(outcome.error())).append("</p>\n</section>\n");
            return;
        }
        TripResult result = outcome.result();
        facts(out, trip, outcome, result.summary(), result.violations(), result.events(), roads, messages);
        TripBox box = TripBox.around(trip);
        if (box == null) {
            out.append("<p class=\"failed\">No usable positions to draw.</p>\n</section>\n");
            return;
        }
        out.append("<div class=\"views\"><div class=\"map-frame\">");
        int drawn = new MapSvg(box).render(out, id, trip, result.matched(), result.violations(), result.events(), roads);
        out.append("<div class=\"legend\"><span class=\"k-raw\">").append(messages.label("trip.legend.raw"))
                .append(drawn < trip.count() ? " (" + drawn + " / " + trip.count() + ")" : "")
                .append("</span><span class=\"k-matched\">").append(messages.label("trip.legend.matched"))
                .append("</span><span class=\"k-stop\">").append(messages.label("trip.legend.stop"))
                .append("</span><span class=\"k-violation\">").append(messages.label("trip.legend.violation"))
                .append("</span><span class=\"k-event\">").append(messages.label("trip.legend.event"))
                .append("</span> &middot; ").append(messages.label("trip.legend.controls")).append("</div></div>\n");
        out.append("<aside class=\"evidence\" aria-live=\"polite\"><p class=\"hint\">").append(messages.label("trip.hint"))
                .append("</p></aside></div>\n");
        new SpeedChart(trip).render(out, result.matched(), result.violations(), roads);
        findingList(out, id + "-v", "trip.violations", "violations", result.violations(), messages);
        findingList(out, id + "-e", "trip.events", "events", result.events(), messages);
        out.append("</section>\n");
    }

    static String sectionId(int index) {
        return "trip-" + index;
    }

    static String title(TripOutcome outcome) {
        return outcome.vehicleId().isEmpty() ? outcome.tripId() : outcome.vehicleId() + " \u00b7 " + outcome.tripId();
    }

    private static void facts(StringBuilder out, Trip trip, TripOutcome outcome, TripSummary summary,
                              List<Violation> violations, List<Violation> events, RoadContext roads, Messages messages) {
        out.append("<dl class=\"facts\">");
        fact(out, messages, "Vehicle", outcome.vehicleId().isEmpty() ? "(none in the log)" : outcome.vehicleId());
        timeFact(out, messages, "Start", summary.startTime());
        timeFact(out, messages, "End", summary.endTime());
        factHtml(out, messages, "Duration", String.format(Locale.ROOT, "%.0f ", summary.durationS() / 60) + messages.label("unit.min"));
        factHtml(out, messages, "Distance", String.format(Locale.ROOT, "%.2f ", summary.distanceM() / 1000) + messages.label("unit.km"));
        fact(out, messages, "Points", String.format(Locale.ROOT, "%d read, %d used", outcome.points(), summary.pointsUsed()));
        fact(out, messages, "Matched", String.format(Locale.ROOT, "%.1f %%", summary.matchedFraction() * 100));
        TripQuality quality = summary.quality();
        fact(out, messages, "Data quality", quality == null || quality.flags().isEmpty() ? "no flags" : String.join(", ", quality.flags()));
        fact(out, messages, "Violations", countsByType(violations));
        fact(out, messages, "Driving events", countsByType(events));
        if (roads.omittedRoads() > 0) {
            fact(out, messages, "Map", roads.omittedRoads() + " minor roads not drawn");
        }
        out.append("</dl>\n");
    }

    private static void fact(StringBuilder out, Messages messages, String name, String value) {
        factHtml(out, messages, name, Html.escape(value));
    }

    /** A time in the reader's zone (the browser re-formats it, docs/REPORT.md). */
    private static void timeFact(StringBuilder out, Messages messages, String name, Double epochSeconds) {
        factHtml(out, messages, name, epochSeconds == null ? "-" : messages.time(epochSeconds));
    }

    /** A fact whose name the browser can re-label; {@code valueHtml} is markup, already escaped. */
    private static void factHtml(StringBuilder out, Messages messages, String name, String valueHtml) {
        out.append("<div><dt").append(Messages.attribute("fact." + name)).append('>').append(Html.escape(messages.text("fact." + name, name)))
                .append("</dt><dd>").append(valueHtml).append("</dd></div>");
    }

    /** E.g. {@code speeding 2, stop_sign 1}, or {@code none}. */
    private static String countsByType(List<Violation> findings) {
        Map<String, Integer> byType = new TreeMap<>();
        findings.forEach(v -> byType.merge(v.type(), 1, Integer::sum));
        StringBuilder counts = new StringBuilder();
        byType.forEach((type, n) -> counts.append(counts.isEmpty() ? "" : ", ").append(type).append(" ").append(n));
        return byType.isEmpty() ? "none" : counts.toString();
    }

    /** A list of findings (violations or driving events) whose entries show their evidence when clicked. */
    private static void findingList(StringBuilder out, String keyPrefix, String headingKey, String listClass,
                                    List<Violation> findings, Messages messages) {
        out.append("<h3>").append(messages.label(headingKey)).append(" (").append(findings.size()).append(")</h3>\n<ol class=\"")
                .append(listClass).append("\">");
        for (int j = 0; j < findings.size(); j++) {
            Violation v = findings.get(j);
            String key = keyPrefix + j;
            out.append("<li><button type=\"button\" class=\"violation-item v-").append(Html.escape(v.type()))
                    .append("\" data-violation=\"").append(key).append("\"><span class=\"type\" data-type=\"").append(Html.escape(v.type()))
                    .append("\">").append(messages.label("type." + v.type(), v.type())).append("</span>")
                    .append(v.severity() == null ? "" : " <span class=\"severity s-" + Html.escape(v.severity()) + "\">"
                            + messages.label("severity." + v.severity(), v.severity()) + "</span>")
                    .append(" ").append(messages.clock(v.startTime())).append(" <span class=\"road\">")
                    .append(Html.escape(v.roadName())).append("</span></button>");
            evidence(out, key, v, messages);
            out.append("</li>");
        }
        out.append("</ol>\n");
    }

    /** The evidence of one finding, hidden until it is clicked (report.js copies it into the aside). */
    private static void evidence(StringBuilder out, String key, Violation v, Messages messages) {
        out.append("<div class=\"evidence-detail\" id=\"").append(key).append("\" hidden><h4>").append(messages.label("type." + v.type(), v.type()))
                .append("</h4><dl>");
        timeFact(out, messages, "From", v.startTime());
        timeFact(out, messages, "To", v.endTime());
        fact(out, messages, "Road", v.roadName().isEmpty() ? "(unnamed)" : v.roadName());
        StringBuilder ways = new StringBuilder();
        v.osmWayIds().forEach(way -> ways.append(ways.isEmpty() ? "" : ", ").append(way));
        fact(out, messages, "OSM way", ways.isEmpty() ? "-" : ways.toString());
        fact(out, messages, "Position", String.format(Locale.ROOT, "%.6f, %.6f", v.lat(), v.lon()));
        fact(out, messages, "Confidence", String.format(Locale.ROOT, "%.2f", v.confidence()));
        fact(out, messages, "Severity", v.severity() == null ? "not graded" : v.severity());
        v.evidence().forEach((name, value) -> fact(out, messages, name, String.valueOf(value)));
        out.append("</dl></div>");
    }

    static String instant(double epochSeconds) {
        return Instant.ofEpochMilli(Math.round(epochSeconds * 1000)).toString();
    }
}
