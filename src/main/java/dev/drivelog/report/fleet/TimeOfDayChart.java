package dev.drivelog.report.fleet;

import dev.drivelog.fleet.FleetSummary;
import dev.drivelog.report.Html;
import dev.drivelog.report.Messages;

/** Findings by day of week and hour as a shaded grid (darker: more), in the summary's zone. */
final class TimeOfDayChart {
    private TimeOfDayChart() {}

    static void render(StringBuilder out, FleetSummary summary, Messages messages) {
        int[][] grid = summary.byWeekdayHour();
        int largest = 0;
        for (int[] day : grid) {
            for (int n : day) {
                largest = Math.max(largest, n);
            }
        }
        out.append("<section class=\"time-of-day\" id=\"time-of-day\"><h2>").append(messages.label("fleet.timeOfDay"))
                .append("</h2>\n<p class=\"note\">").append(messages.label("fleet.timesIn")).append(" <b>")
                .append(Html.escape(summary.zone().getId())).append("</b></p>\n<table class=\"heat\"><thead><tr><th>")
                .append(messages.label("fleet.hour")).append("</th>");
        for (int hour = 0; hour < 24; hour++) {
            out.append("<th>").append(hour).append("</th>");
        }
        out.append("<th>").append(messages.label("fleet.total")).append("</th></tr></thead><tbody>\n");
        for (int day = 0; day < 7; day++) {
            out.append("<tr><th>").append(messages.label("weekday." + day)).append("</th>");
            int total = 0;
            for (int hour = 0; hour < 24; hour++) {
                int n = grid[day][hour];
                total += n;
                double share = largest == 0 ? 0 : (double) n / largest;
                out.append("<td style=\"background:rgba(211,47,47,").append(Numbers.fixed(share * 0.85, 2)).append(")\"")
                        .append(share > 0.55 ? " class=\"dark\"" : "").append(" title=\"").append(n).append("\">")
                        .append(n == 0 ? "" : Integer.toString(n)).append("</td>");
            }
            out.append("<td>").append(Numbers.count(total)).append("</td></tr>\n");
        }
        out.append("</tbody></table></section>\n");
    }
}
