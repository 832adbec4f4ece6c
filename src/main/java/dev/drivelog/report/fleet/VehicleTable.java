package dev.drivelog.report.fleet;

import dev.drivelog.fleet.FleetSummary;
import dev.drivelog.fleet.VehicleScores;
import dev.drivelog.report.Html;
import dev.drivelog.report.Messages;
import dev.drivelog.report.SvgPath;
import dev.drivelog.score.Score;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The vehicles ranked by score, each with its findings and a trend of its score per day or week. */
final class VehicleTable {
    private static final double TREND_WIDTH = 160;
    private static final double TREND_HEIGHT = 28;

    private VehicleTable() {}

    static void render(StringBuilder out, FleetSummary summary, Messages messages) {
        TreeSet<String> types = new TreeSet<>(summary.categoryByType().keySet());
        out.append("<section class=\"vehicles\" id=\"vehicles\"><h2>").append(messages.label("fleet.ranking")).append("</h2>\n<p class=\"note\">")
                .append(messages.label("fleet.scoreRule")).append("</p>\n<div class=\"wide\"><table class=\"ranking\"><thead><tr><th>")
                .append(messages.label("fleet.rank")).append("</th><th>").append(messages.label("fleet.vehicle")).append("</th><th>")
                .append(messages.label("fleet.score")).append("</th><th>").append(messages.label("fleet.pointsPer100km"))
                .append("</th><th>").append(messages.label("fleet.distance")).append("</th><th>").append(messages.label("fleet.time"))
                .append("</th><th>").append(messages.label("fleet.trips")).append("</th>");
        for (String type : types) {
            out.append("<th class=\"t-").append(Html.escape(type)).append("\">").append(messages.label("type." + type, type)).append("</th>");
        }
        out.append("<th>").append(messages.label(summary.weekly() ? "fleet.trendWeek" : "fleet.trendDay")).append("</th></tr></thead><tbody>\n");
        int rank = 0;
        for (VehicleScores vehicle : summary.vehicles()) {
            Score score = vehicle.overall();
            out.append("<tr data-vehicle=\"").append(Html.escape(vehicle.vehicleId())).append("\"><td>")
                    .append(score.scored() ? Integer.toString(++rank) : "").append("</td><td>")
                    .append(vehicle.vehicleId().isEmpty() ? messages.label("fleet.noVehicle") : Html.escape(vehicle.vehicleId()))
                    .append("</td><td class=\"score\">");
            scoreCell(out, score, messages);
            out.append("</td><td>").append(Numbers.fixed(score.pointsPer100km(), 2)).append("</td><td>")
                    .append(Numbers.fixed(score.distanceKm(), 1)).append(' ').append(messages.label("unit.km")).append("</td><td>")
                    .append(Numbers.fixed(score.durationH(), 1)).append(' ').append(messages.label("unit.h")).append("</td><td>")
                    .append(score.trips()).append("</td>");
            for (String type : types) {
                int n = score.findings(type);
                out.append("<td>").append(n == 0 ? "" : Integer.toString(n)).append("</td>");
            }
            out.append("<td>");
            trend(out, summary.periods(), vehicle.byPeriod());
            out.append("</td></tr>\n");
        }
        out.append("</tbody></table></div></section>\n");
    }

    private static void scoreCell(StringBuilder out, Score score, Messages messages) {
        if (!score.scored()) {
            out.append("<span class=\"no-score\">").append(messages.label("fleet.noScore")).append("</span>");
            return;
        }
        double value = score.score();
        out.append("<span class=\"bar ").append(band(value)).append("\" style=\"width:").append(Numbers.fixed(value, 0))
                .append("px\"></span> <b>").append(Numbers.fixed(value, 0)).append("</b>");
    }

    static String band(double score) {
        return score >= 80 ? "good" : score >= 50 ? "fair" : "poor";
    }

    /** The vehicle's score per period as a line over every period of the fleet; no point where it had none. */
    private static void trend(StringBuilder out, List<String> periods, Map<String, Score> byPeriod) {
        out.append("<svg class=\"trend\" viewBox=\"0 0 ").append(SvgPath.number(TREND_WIDTH)).append(' ')
                .append(SvgPath.number(TREND_HEIGHT)).append("\" role=\"img\">");
        SvgPath line = new SvgPath();
        SvgPath dots = new SvgPath();
        boolean drawing = false;
        double step = periods.size() > 1 ? TREND_WIDTH / (periods.size() - 1) : 0;
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < periods.size(); i++) {
            Score score = byPeriod.get(periods.get(i));
            if (score == null || !score.scored()) {
                drawing = false;
                continue;
            }
            double x = periods.size() > 1 ? i * step : TREND_WIDTH / 2;
            double y = 2 + (100 - score.score()) / 100 * (TREND_HEIGHT - 4);
            if (drawing) {
                line.lineTo(x, y);
            } else {
                line.moveTo(x, y);
            }
            dots.dot(x, y);
            drawing = true;
            title.append(periods.get(i)).append(": ").append(Numbers.fixed(score.score(), 0)).append('\n');
        }
        out.append("<title>").append(Html.escape(title.toString().strip())).append("</title>");
        if (!line.isEmpty()) {
            out.append("<path class=\"trend-line\" d=\"").append(line).append("\"/><path class=\"trend-dots\" d=\"").append(dots).append("\"/>");
        }
        out.append("</svg>");
    }
}
