package dev.drivelog.report.fleet;

import dev.drivelog.fleet.FleetSummary;
import dev.drivelog.fleet.TripScore;
import dev.drivelog.report.Html;
import dev.drivelog.report.Messages;
import dev.drivelog.score.Score;

/** The trips with the lowest scores: where to start looking inside a vehicle's record. */
final class TripTable {
    private TripTable() {}

    static void render(StringBuilder out, FleetSummary summary, Messages messages) {
        out.append("<section class=\"trips\" id=\"trips\"><h2>").append(messages.label("fleet.lowestTrips"))
                .append("</h2>\n<div class=\"wide\"><table class=\"lowest-trips\"><thead><tr><th>").append(messages.label("fleet.rank"))
                .append("</th><th>").append(messages.label("fleet.vehicle")).append("</th><th>").append(messages.label("fleet.trip"))
                .append("</th><th>").append(messages.label("index.start")).append("</th><th>").append(messages.label("fleet.score"))
                .append("</th><th>").append(messages.label("fleet.pointsPer100km")).append("</th><th>").append(messages.label("fleet.distance"))
                .append("</th><th>").append(messages.label("fleet.findings")).append("</th></tr></thead><tbody>\n");
        int rank = 0;
        for (TripScore trip : summary.lowestTrips()) {
            Score score = trip.score();
            out.append("<tr><td>").append(++rank).append("</td><td>")
                    .append(trip.vehicleId().isEmpty() ? messages.label("fleet.noVehicle") : Html.escape(trip.vehicleId()))
                    .append("</td><td>").append(Html.escape(trip.tripId())).append(" <small>").append(Html.escape(trip.input()))
                    .append("</small></td><td>").append(messages.time(trip.startTime())).append("</td><td class=\"score\"><span class=\"bar ")
                    .append(VehicleTable.band(score.score())).append("\" style=\"width:").append(Numbers.fixed(score.score(), 0))
                    .append("px\"></span> <b>").append(Numbers.fixed(score.score(), 0)).append("</b></td><td>")
                    .append(Numbers.fixed(score.pointsPer100km(), 2)).append("</td><td>").append(Numbers.fixed(score.distanceKm(), 1))
                    .append(' ').append(messages.label("unit.km")).append("</td><td>").append(score.findings()).append("</td></tr>\n");
        }
        if (summary.lowestTrips().isEmpty()) {
            out.append("<tr><td colspan=\"8\" class=\"no-score\">").append(messages.label("fleet.noTripScored")).append("</td></tr>\n");
        }
        out.append("</tbody></table></div></section>\n");
    }
}
