package dev.drivelog.report.fleet;

import dev.drivelog.fleet.FleetSummary;
import dev.drivelog.fleet.HotSpot;
import dev.drivelog.report.Html;
import dev.drivelog.report.LocalProjection;
import dev.drivelog.report.Messages;
import dev.drivelog.report.RoadContext;
import dev.drivelog.report.RoadLayer;
import dev.drivelog.report.RoadSource;
import dev.drivelog.report.SvgPath;
import java.util.List;
import java.util.Map;

/**
 * The hot spots on a map: the roads of the reference map (when one is given) around every place with
 * findings, a circle per place with its area in proportion to the count, and a table of the worst.
 */
final class HotSpotMap {
    /** Most roads drawn: the page stays a few MB even over a whole city (least important classes dropped first). */
    static final int MAX_ROADS = 12_000;
    static final int TABLE_ROWS = 25;
    private static final double MARGIN_METERS = 200;
    private static final double METERS_PER_DEGREE = 111_195.0;

    private HotSpotMap() {}

    /** @return a problem to show when the map could not be drawn, else null */
    static String render(StringBuilder out, FleetSummary summary, RoadSource roads, Messages messages) {
        List<HotSpot> spots = summary.hotSpots().stream().filter(s -> Double.isFinite(s.lat()) && Double.isFinite(s.lon())).toList();
        out.append("<section class=\"hot-spots\" id=\"hot-spots\"><h2>").append(messages.label("fleet.hotSpots")).append("</h2>\n<p class=\"note\">")
                .append(messages.label("fleet.hotSpotsNote")).append("</p>\n");
        String problem = null;
        if (!spots.isEmpty()) {
            double minLat = spots.stream().mapToDouble(HotSpot::lat).min().orElseThrow();
            double maxLat = spots.stream().mapToDouble(HotSpot::lat).max().orElseThrow();
            double minLon = spots.stream().mapToDouble(HotSpot::lon).min().orElseThrow();
            double maxLon = spots.stream().mapToDouble(HotSpot::lon).max().orElseThrow();
            double marginLat = MARGIN_METERS / METERS_PER_DEGREE;
            double marginLon = marginLat / Math.max(0.01, Math.cos(Math.toRadians((minLat + maxLat) / 2)));
            minLat -= marginLat;
            maxLat += marginLat;
            minLon -= marginLon;
            maxLon += marginLon;
            RoadContext context = RoadContext.EMPTY;
            if (roads != null) {
                try {
                    context = roads.around(minLat, minLon, maxLat, maxLon, MAX_ROADS);
                } catch (RuntimeException e) {
                    problem = "hot-spot map: roads not drawn: " + e.getMessage();
                }
            }
            LocalProjection projection = new LocalProjection((minLat + maxLat) / 2, (minLon + maxLon) / 2);
            double left = projection.x(minLon);
            double top = projection.y(maxLat);
            double width = projection.x(maxLon) - left;
            double height = projection.y(minLat) - top;
            double extent = Math.max(width, height);
            out.append("<div class=\"map-frame\"><svg class=\"map hot-spot-map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"")
                    .append(SvgPath.number(left)).append(' ').append(SvgPath.number(top)).append(' ').append(SvgPath.number(width))
                    .append(' ').append(SvgPath.number(height)).append("\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\">\n");
            new RoadLayer(projection, extent / 2000).render(out, context.roads());
            int largest = spots.getFirst().count();
            out.append("<g class=\"spots\">");
            for (HotSpot spot : spots) {
                double radius = extent / 60 * Math.sqrt((double) spot.count() / largest) + extent / 600;
                out.append("<circle class=\"spot\" data-place=\"").append(Html.escape(spot.place())).append("\" cx=\"")
                        .append(SvgPath.number(projection.x(spot.lon()))).append("\" cy=\"").append(SvgPath.number(projection.y(spot.lat())))
                        .append("\" r=\"").append(SvgPath.number(radius)).append("\"><title>").append(Html.escape(describe(spot, messages)))
                        .append("</title></circle>");
            }
            out.append("</g>\n</svg></div>\n");
        }
        table(out, summary, messages);
        out.append("</section>\n");
        return problem;
    }

    private static void table(StringBuilder out, FleetSummary summary, Messages messages) {
        out.append("<table class=\"spots-table\"><thead><tr><th>").append(messages.label("fleet.rank")).append("</th><th>")
                .append(messages.label("fleet.road")).append("</th><th>").append(messages.label("fleet.place")).append("</th><th>")
                .append(messages.label("fleet.count")).append("</th><th>").append(messages.label("fleet.type")).append("</th></tr></thead><tbody>\n");
        List<HotSpot> spots = summary.hotSpots();
        for (int i = 0; i < Math.min(TABLE_ROWS, spots.size()); i++) {
            HotSpot spot = spots.get(i);
            out.append("<tr><td>").append(i + 1).append("</td><td class=\"road-name\">")
                    .append(spot.roadName().isEmpty() ? messages.label("fleet.unnamed") : Html.escape(spot.roadName()))
                    .append("</td><td>").append(Html.escape(spot.place())).append(Double.isFinite(spot.lat())
                            ? " <small>" + Numbers.fixed(spot.lat(), 5) + ", " + Numbers.fixed(spot.lon(), 5) + "</small>" : "")
                    .append("</td><td>").append(Numbers.count(spot.count())).append("</td><td>");
            boolean first = true;
            for (Map.Entry<String, Integer> type : spot.countByType().entrySet()) {
                out.append(first ? "" : ", ").append(messages.label("type." + type.getKey(), type.getKey())).append(' ').append(type.getValue());
                first = false;
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private static String describe(HotSpot spot, Messages messages) {
        StringBuilder text = new StringBuilder(spot.roadName().isEmpty() ? spot.place() : spot.roadName() + " (" + spot.place() + ")");
        text.append(": ").append(spot.count());
        spot.countByType().forEach((type, n) -> text.append(", ").append(messages.text("type." + type, type)).append(' ').append(n));
        return text.toString();
    }
}
