package dev.drivelog.report.fleet;

import dev.drivelog.config.ScoreConfig;
import dev.drivelog.fleet.FleetSummary;
import dev.drivelog.report.Html;
import dev.drivelog.report.Messages;
import dev.drivelog.score.Score;
import java.util.Map;

/** Findings of the whole fleet by type (violation or event) and severity, with the rate per 100 km. */
final class FindingsTable {
    private FindingsTable() {}

    static void render(StringBuilder out, FleetSummary summary, Messages messages) {
        Score fleet = summary.fleet();
        out.append("<section class=\"findings\" id=\"findings\"><h2>").append(messages.label("fleet.byType"))
                .append("</h2>\n<table class=\"by-type\"><thead><tr><th>").append(messages.label("fleet.type")).append("</th><th>")
                .append(messages.label("fleet.category")).append("</th>");
        for (String severity : ScoreConfig.SEVERITIES) {
            out.append("<th class=\"s-").append(severity).append("\">").append(messages.label("severity." + severity)).append("</th>");
        }
        out.append("<th>").append(messages.label("fleet.total")).append("</th><th>").append(messages.label("fleet.per100km"))
                .append("</th></tr></thead><tbody>\n");
        int largest = summary.categoryByType().keySet().stream().mapToInt(fleet::findings).max().orElse(0);
        for (Map.Entry<String, String> entry : summary.categoryByType().entrySet()) {
            String type = entry.getKey();
            Map<String, Integer> bySeverity = fleet.countsByTypeAndSeverity().getOrDefault(type, Map.of());
            out.append("<tr class=\"t-").append(Html.escape(type)).append("\"><td>").append(messages.label("type." + type, type))
                    .append("</td><td>").append(messages.label("category." + entry.getValue(), entry.getValue())).append("</td>");
            for (String severity : ScoreConfig.SEVERITIES) {
                int n = bySeverity.getOrDefault(severity, 0);
                out.append("<td>").append(n == 0 ? "" : Numbers.count(n)).append("</td>");
            }
            int total = fleet.findings(type);
            out.append("<td><span class=\"bar\" style=\"width:").append(largest == 0 ? "0" : Numbers.fixed(120.0 * total / largest, 0))
                    .append("px\"></span> ").append(Numbers.count(total)).append("</td><td>")
                    .append(Numbers.fixed(fleet.per100km(type), 2)).append("</td></tr>\n");
        }
        out.append("</tbody></table></section>\n");
    }
}
