package dev.drivelog.report.fleet;

import dev.drivelog.fleet.FleetSummary;
import dev.drivelog.report.Html;
import dev.drivelog.report.Messages;
import dev.drivelog.report.ReportResources;
import dev.drivelog.report.RoadSource;
import dev.drivelog.score.Score;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet page ({@code drivelog report --fleet}): one self-contained HTML file (inline CSS, SVG and
 * script; no network, as report.html) over the aggregated results of many inputs: vehicles ranked by
 * score with their trend, the trips with the lowest scores, findings by type and severity, hot spots on a map, time of day and day of
 * week (docs/REPORT.md, "Fleet page").
 */
public final class FleetPage {
    public static final String CONTENT_TYPE = "text/html; charset=UTF-8";
    private static final String STYLE = ReportResources.text("report.css") + ReportResources.text("fleet.css");

    private FleetPage() {}

    /**
     * Writes the page; the stream is closed.
     *
     * @param roads where the hot-spot map's roads come from; null draws the spots without roads
     */
    public static void write(OutputStream stream, FleetSummary summary, RoadSource roads, Messages messages) throws IOException {
        StringBuilder body = new StringBuilder(256 * 1024);
        List<String> problems = new ArrayList<>(summary.data().problems());
        if (summary.data().skippedLines() > problems.size()) {
            problems.add("... " + (summary.data().skippedLines() - problems.size()) + " more");
        }
        VehicleTable.render(body, summary, messages);
        TripTable.render(body, summary, messages);
        FindingsTable.render(body, summary, messages);
        String mapProblem = HotSpotMap.render(body, summary, roads, messages);
        if (mapProblem != null) {
            problems.add(mapProblem);
        }
        TimeOfDayChart.render(body, summary, messages);
        try (Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
            out.write("<!DOCTYPE html>\n<html lang=\"" + messages.language() + "\"><head><meta charset=\"utf-8\">\n"
                    + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                    + "script-src 'unsafe-inline'; img-src data:\">\n"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
                    + Html.escape(messages.text("fleet.title")) + "</title>\n<style>\n" + STYLE + "</style></head>\n<body><main class=\"report fleet\">\n");
            out.write(header(summary, messages, problems));
            out.write(body.toString());
            out.write("</main>\n" + messages.script() + "</body></html>\n");
        }
    }

    private static String header(FleetSummary summary, Messages messages, List<String> problems) {
        Score fleet = summary.fleet();
        StringBuilder html = new StringBuilder();
        html.append("<header id=\"overview\"><h1>").append(messages.label("fleet.title")).append("</h1>\n<dl class=\"facts\">");
        fact(html, messages, "fleet.results", Html.escape(summary.data().source()));
        fact(html, messages, "fleet.resultVersion", Html.escape(summary.data().resultVersion()));
        fact(html, messages, "fleet.period", messages.date(summary.firstTime()) + " &ndash; " + messages.date(summary.lastTime()));
        fact(html, messages, "fleet.timesIn", Html.escape(summary.zone().getId()));
        html.append("</dl>\n<div class=\"kpis\">");
        kpi(html, messages, "fleet.fleetScore", fleet.scored() ? Numbers.fixed(fleet.score(), 0) : "-");
        kpi(html, messages, "fleet.vehicles", Numbers.count(summary.vehicles().size()));
        kpi(html, messages, "fleet.trips", Numbers.count(fleet.trips()));
        kpi(html, messages, "fleet.distance", Numbers.count(Math.round(fleet.distanceKm())) + " " + messages.label("unit.km"));
        kpi(html, messages, "fleet.time", Numbers.count(Math.round(fleet.durationH())) + " " + messages.label("unit.h"));
        kpi(html, messages, "fleet.findings", Numbers.count(fleet.findings()));
        html.append("</div>\n");
        if (!problems.isEmpty()) {
            html.append("<details class=\"problems\"><summary>").append(summary.data().skippedLines()).append(' ')
                    .append(messages.label("fleet.problems")).append("</summary><ul>");
            problems.forEach(p -> html.append("<li>").append(Html.escape(p)).append("</li>"));
            html.append("</ul></details>\n");
        }
        return html.append("</header>\n").toString();
    }

    private static void fact(StringBuilder html, Messages messages, String key, String valueHtml) {
        html.append("<div><dt>").append(messages.label(key)).append("</dt><dd>").append(valueHtml).append("</dd></div>");
    }

    private static void kpi(StringBuilder html, Messages messages, String key, String valueHtml) {
        html.append("<div class=\"kpi\" data-kpi=\"").append(key).append("\"><span class=\"value\">").append(valueHtml)
                .append("</span><span class=\"name\">").append(messages.label(key)).append("</span></div>");
    }
}
