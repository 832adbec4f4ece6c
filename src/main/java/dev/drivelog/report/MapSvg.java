package dev.drivelog.report;

import dev.drivelog.analysis.result.MatchedSegment;
import dev.drivelog.analysis.result.Violation;
import dev.drivelog.logs.Trip;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The map view of one trip as inline SVG in metres around the trip: roads (stroke width by class),
 * one-way arrows, stop signs, the raw GPS points, the matched path and one marker per violation.
 * Strokes do not scale with zoom (vector-effect), so lines keep their width on screen; report.js
 * pans and zooms by changing the viewBox.
 */
final class MapSvg {
    /** Most points drawn of one polyline (raw trace, matched path); more are simplified away. */
    static final int MAX_TRACE_POINTS = 5000;
    /** Screen-size tolerance: the view spans about this many "pixels" at full extent. */
    private static final double VIEW_PIXELS = 4000;

    private final TripBox box;
    private final LocalProjection projection;
    private final double tolerance;

    MapSvg(TripBox box) {
        this.box = box;
        this.projection = box.projection();
        this.tolerance = Math.max(box.widthMeters(), box.heightMeters()) / VIEW_PIXELS;
    }

    /** Writes the SVG; returns how many raw GPS points were drawn (after simplification). */
    int render(StringBuilder out, String sectionId, Trip trip, List<MatchedSegment> matched, List<Violation> violations,
                List<Violation> events, RoadContext roads) {
        double w = box.widthMeters();
        double h = box.heightMeters();
        double left = projection.x(box.minLon());
        double top = projection.y(box.maxLat());
        out.append("<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"")
                .append(SvgPath.number(left)).append(' ').append(SvgPath.number(top)).append(' ')
                .append(SvgPath.number(w)).append(' ').append(SvgPath.number(h))
                .append("\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"map of the trip\">\n");
        renderRoads(out, roads.roads());
        renderArrows(out, roads.roads(), Math.max(w, h) / 120);
        renderMatched(out, matched);
        int drawn = renderRaw(out, trip);
        renderStops(out, roads.stops());
        renderFindings(out, sectionId + "-v", "violations", "violation-marker", violations);
        // Events are drawn the same way (the same click shows their evidence), as squares' outline colour.
        renderFindings(out, sectionId + "-e", "events", "violation-marker event-marker", events);
        out.append("</svg>\n");
        return drawn;
    }

    private void renderRoads(StringBuilder out, List<Road> roads) {
        new RoadLayer(projection, tolerance).render(out, roads);
    }

    /** A chevron at the middle of each one-way road's longest piece, pointing the allowed way. */
    private void renderArrows(StringBuilder out, List<Road> roads, double sizeMeters) {
        SvgPath arrows = new SvgPath();
        for (Road road : roads) {
            if (road.oneway() == 0 || road.shape().length < 4) {
                continue;
            }
            double[] s = road.shape();
            int best = 0;
            double bestLength = -1;
            for (int i = 0; i + 3 < s.length; i += 2) {
                double dx = projection.x(s[i + 3]) - projection.x(s[i + 1]);
                double dy = projection.y(s[i + 2]) - projection.y(s[i]);
                double length = Math.hypot(dx, dy);
                if (length > bestLength) {
                    bestLength = length;
                    best = i;
                }
            }
            if (bestLength < sizeMeters * 2) {
                continue;
            }
            double ax = projection.x(s[best + 1]);
            double ay = projection.y(s[best]);
            double bx = projection.x(s[best + 3]);
            double by = projection.y(s[best + 2]);
            double ux = (bx - ax) / bestLength * road.oneway();
            double uy = (by - ay) / bestLength * road.oneway();
            double mx = (ax + bx) / 2;
            double my = (ay + by) / 2;
            // Two strokes from behind the tip, at +-35 degrees from the reversed direction.
            double tipX = mx + ux * sizeMeters / 2;
            double tipY = my + uy * sizeMeters / 2;
            double c = Math.cos(Math.toRadians(35));
            double sn = Math.sin(Math.toRadians(35));
            arrows.moveTo(tipX - sizeMeters * (ux * c - uy * sn), tipY - sizeMeters * (uy * c + ux * sn))
                    .lineTo(tipX, tipY)
                    .lineTo(tipX - sizeMeters * (ux * c + uy * sn), tipY - sizeMeters * (uy * c - ux * sn));
        }
        if (!arrows.isEmpty()) {
            out.append("<path class=\"oneway\" d=\"").append(arrows).append("\"/>\n");
        }
    }

    private int[] rawIndices(Trip trip) {
        double[] x = new double[trip.count()];
        double[] y = new double[trip.count()];
        int n = 0;
        int[] source = new int[trip.count()];
        for (int i = 0; i < trip.count(); i++) {
            if (TripBox.usable(trip.lat()[i], trip.lon()[i])) {
                x[n] = projection.x(trip.lon()[i]);
                y[n] = projection.y(trip.lat()[i]);
                source[n++] = i;
            }
        }
        // Every fix is a dot worth seeing until there are too many to draw; only then simplify.
        if (n <= MAX_TRACE_POINTS) {
            return Arrays.copyOf(source, n);
        }
        int[] kept = Simplifier.keepAtMost(x, y, n, tolerance, MAX_TRACE_POINTS);
        int[] indices = new int[kept.length];
        for (int k = 0; k < kept.length; k++) {
            indices[k] = source[kept[k]];
        }
        return indices;
    }

    private int renderRaw(StringBuilder out, Trip trip) {
        SvgPath dots = new SvgPath();
        int[] indices = rawIndices(trip);
        for (int i : indices) {
            dots.dot(projection.x(trip.lon()[i]), projection.y(trip.lat()[i]));
        }
        out.append("<path class=\"raw\" d=\"").append(dots).append("\"/>\n");
        return indices.length;
    }

    private void renderMatched(StringBuilder out, List<MatchedSegment> matched) {
        out.append("<g class=\"matched\">");
        for (MatchedSegment segment : matched) {
            int n = segment.coordinates().size();
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double[] lonLat = segment.coordinates().get(i);
                x[i] = projection.x(lonLat[0]);
                y[i] = projection.y(lonLat[1]);
            }
            int[] kept = Simplifier.keepAtMost(x, y, n, tolerance, MAX_TRACE_POINTS);
            SvgPath path = new SvgPath();
            for (int k = 0; k < kept.length; k++) {
                if (k == 0) {
                    path.moveTo(x[kept[k]], y[kept[k]]);
                } else {
                    path.lineTo(x[kept[k]], y[kept[k]]);
                }
            }
            out.append("<path d=\"").append(path).append("\"><title>matched: ")
                    .append(Html.escape(segment.roadName())).append(" (way ").append(segment.osmWayId())
                    .append(")</title></path>");
        }
        out.append("</g>\n");
    }

    private void renderStops(StringBuilder out, List<StopSignMark> stops) {
        Set<Long> drawn = new HashSet<>();
        out.append("<g class=\"stops\">");
        for (StopSignMark stop : stops) {
            if (drawn.add(stop.nodeId())) {
                out.append("<path class=\"stop\" d=\"").append(new SvgPath().dot(projection.x(stop.lon()), projection.y(stop.lat())))
                        .append("\"><title>stop sign (node ").append(stop.nodeId()).append(")</title></path>");
            }
        }
        out.append("</g>\n");
    }

    private void renderFindings(StringBuilder out, String keyPrefix, String group, String markerClass,
                                List<Violation> findings) {
        out.append("<g class=\"").append(group).append("\">");
        for (int j = 0; j < findings.size(); j++) {
            Violation v = findings.get(j);
            out.append("<circle class=\"").append(markerClass).append(" v-").append(Html.escape(v.type()))
                    .append("\" data-violation=\"").append(keyPrefix).append(j).append("\" cx=\"").append(SvgPath.number(projection.x(v.lon())))
                    .append("\" cy=\"").append(SvgPath.number(projection.y(v.lat()))).append("\" r=\"")
                    .append(SvgPath.number(Math.max(box.widthMeters(), box.heightMeters()) / 80))
                    .append("\"><title>").append(Html.escape(v.type())).append("</title></circle>");
        }
        out.append("</g>\n");
    }
}
