package dev.drivelog.report;

import dev.drivelog.logs.Trip;
import dev.drivelog.output.TripOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code report.html} for one input: a self-contained page (inline SVG, CSS and JS; no
 * network) with one section per trip (docs/REPORT.md) and an overview with the input's totals and
 * an index linking every trip. Trips are written as they come, so memory holds one trip at a time;
 * the overview comes last in the file and is shown first by CSS. Not thread safe.
 */
public final class HtmlReportWriter {
    public static final String FILE_NAME = "report.html";
    // Charset in upper case: S3Proxy (the local S3 of the demo and tests) answers 403 (signature
    // mismatch) to uploads whose content type says "charset=utf-8"; real S3 accepts both.
    public static final String CONTENT_TYPE = "text/html; charset=UTF-8";
    private static final String STYLE = ReportResources.text("report.css");
    private static final String SCRIPT = ReportResources.text("report.js");

    private final Writer out;
    private final String input;
    private final RoadSource roads;
    private final List<IndexEntry> index = new ArrayList<>();
    private final Map<String, Integer> violationsByType = new TreeMap<>();
    private int events;
    private final List<String> mapProblems = new ArrayList<>();
    private final Messages messages;

    private record IndexEntry(String sectionId, String title, String start, double distanceM, int violations, boolean failed) {}

    /**
     * Starts the page.
     *
     * @param input the input's name, shown in the title
     * @param roads where the map around each trip comes from
     */
    public HtmlReportWriter(OutputStream stream, String input, RoadSource roads) throws IOException {
        this(stream, input, roads, Messages.defaults());
    }

    /**
     * Starts the page in the reader's language and time zone.
     *
     * @param messages the page's language and zone ({@code report:} of the configuration)
     */
    public HtmlReportWriter(OutputStream stream, String input, RoadSource roads, Messages messages) throws IOException {
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        this.input = input;
        this.roads = roads;
        this.messages = messages;
        out.write("<!DOCTYPE html>\n<html lang=\"" + messages.language() + "\"><head><meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "script-src 'unsafe-inline'; img-src data:\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
                + Html.escape(messages.text("page.title")) + ": " + Html.escape(input) + "</title>\n<style>\n" + STYLE
                + "</style></head>\n<body><main class=\"report\">\n");
    }

    /** Adds one trip: {@code trip} is the trip as read (its raw points), {@code outcome} what the engine made of it. */
    public void write(Trip trip, TripOutcome outcome) throws IOException {
        int number = index.size() + 1;
        String id = TripSection.sectionId(number);
        RoadContext context = RoadContext.EMPTY;
        TripBox box = TripBox.around(trip);
        if (!outcome.failed() && box != null) {
            try {
                context = roads.around(box.minLat(), box.minLon(), box.maxLat(), box.maxLon(), TripSection.MAX_ROADS);
            } catch (RuntimeException e) {
                mapProblems.add("trip " + outcome.tripId() + ": map not drawn: " + e.getMessage());
            }
        }
        StringBuilder html = new StringBuilder(64 * 1024);
        TripSection.render(html, number, trip, outcome, context, messages);
        out.write(html.toString());
        int violations = 0;
        String start = "-";
        double distance = 0;
        if (!outcome.failed()) {
            violations = outcome.result().violations().size();
            outcome.result().violations().forEach(v -> violationsByType.merge(v.type(), 1, Integer::sum));
            events += outcome.result().events().size();
            distance = outcome.result().summary().distanceM();
            Double startTime = outcome.result().summary().startTime();
            start = startTime == null ? "-" : messages.time(startTime);
        }
        index.add(new IndexEntry(id, TripSection.title(outcome), start, distance, violations, outcome.failed()));
    }

    /**
     * Writes the overview and the script and completes the page (closing the stream).
     *
     * @param problems the input's problems (skipped lines, failed trips), listed in the overview
     */
    public void finish(List<String> problems) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<header id=\"overview\"><h1>").append(messages.label("page.title")).append(": ").append(Html.escape(input))
                .append("</h1>\n<p class=\"totals\">")
                .append(index.size()).append(index.size() == 1 ? " trip" : " trips").append(", ");
        int total = violationsByType.values().stream().mapToInt(Integer::intValue).sum();
        html.append(total).append(total == 1 ? " violation" : " violations");
        violationsByType.forEach((type, n) -> html.append(" &middot; <span class=\"count v-").append(Html.escape(type))
                .append("\">").append(Html.escape(type)).append(" ").append(n).append("</span>"));
        html.append(", ").append(events).append(events == 1 ? " driving event" : " driving events");
        html.append("</p>\n");
        List<String> allProblems = new ArrayList<>(problems);
        allProblems.addAll(mapProblems);
        if (!allProblems.isEmpty()) {
            html.append("<details class=\"problems\"><summary>").append(allProblems.size())
                    .append(" problem(s) reading this input</summary><ul>");
            allProblems.forEach(p -> html.append("<li>").append(Html.escape(p)).append("</li>"));
            html.append("</ul></details>\n");
        }
        html.append("<table class=\"index\"><thead><tr><th>").append(messages.label("index.trip")).append("</th><th>")
                .append(messages.label("index.start")).append("</th><th>").append(messages.label("index.distance")).append("</th><th>")
                .append(messages.label("index.violations")).append("</th></tr></thead><tbody>");
        for (IndexEntry entry : index) {
            html.append("<tr").append(entry.failed() ? " class=\"failed\"" : "").append("><td><a href=\"#").append(entry.sectionId())
                    .append("\">").append(Html.escape(entry.title())).append("</a></td><td>").append(entry.start())
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.2f ", entry.distanceM() / 1000)).append(messages.label("unit.km"))
                    .append("</td><td>").append(entry.failed() ? "failed" : Integer.toString(entry.violations())).append("</td></tr>");
        }
        html.append("</tbody></table></header>\n</main>\n<script>\n").append(SCRIPT).append("</script>\n").append(messages.script())
                .append("</body></html>\n");
        out.write(html.toString());
        out.close();
    }
}
