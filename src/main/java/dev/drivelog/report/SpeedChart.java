package dev.drivelog.report;

import dev.drivelog.analysis.result.MatchedSegment;
import dev.drivelog.analysis.result.Violation;
import dev.drivelog.logs.Trip;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The speed profile of one trip as inline SVG: speed over time, the applicable limit as a step
 * line (the limit of each matched way in the direction driven), speeding episodes shaded, and each
 * stop-sign pass marked with the lowest speed reached near the sign.
 */
final class SpeedChart {
    static final int MAX_CURVE_POINTS = 4000;
    private static final double WIDTH = 1000;
    private static final double HEIGHT = 260;
    private static final double LEFT = 48;
    private static final double RIGHT = 12;
    private static final double TOP = 12;
    private static final double BOTTOM = 28;
    /** A pass counts when the trace comes this close to a stop sign; its minimum is taken within the zone. */
    private static final double STOP_PASS_METERS = 20;
    private static final double STOP_ZONE_METERS = 40;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Trip trip;
    private final double[] speedKmh;
    private final double startTime;
    private final double endTime;
    private double maxKmh;

    SpeedChart(Trip trip) {
        this.trip = trip;
        this.speedKmh = speedsKmh(trip);
        this.startTime = trip.count() == 0 ? 0 : trip.timeSeconds()[0];
        this.endTime = trip.count() == 0 ? 1 : Math.max(trip.timeSeconds()[trip.count() - 1], startTime + 1);
    }

    /** Reported speeds, or where a point reported none, the speed from the previous point. */
    static double[] speedsKmh(Trip trip) {
        double[] kmh = new double[trip.count()];
        for (int i = 0; i < trip.count(); i++) {
            float reported = trip.speedMps() == null ? Float.NaN : trip.speedMps()[i];
            if (Float.isFinite(reported) && reported >= 0) {
                kmh[i] = reported * 3.6;
            } else if (i > 0 && trip.timeSeconds()[i] > trip.timeSeconds()[i - 1]) {
                double meters = meters(trip.lat()[i - 1], trip.lon()[i - 1], trip.lat()[i], trip.lon()[i]);
                kmh[i] = Double.isFinite(meters) ? meters / (trip.timeSeconds()[i] - trip.timeSeconds()[i - 1]) * 3.6 : 0;
            }
        }
        return kmh;
    }

    void render(StringBuilder out, List<MatchedSegment> matched, List<Violation> violations, RoadContext roads) {
        Map<Long, Road> roadsByWay = new HashMap<>();
        for (Road road : roads.roads()) {
            roadsByWay.putIfAbsent(road.wayId(), road);
        }
        maxKmh = 30;
        for (double v : speedKmh) {
            maxKmh = Math.max(maxKmh, Math.min(v, 400));
        }
        for (MatchedSegment segment : matched) {
            maxKmh = Math.max(maxKmh, limitKmh(roadsByWay.get(segment.osmWayId()), segment.forward()));
        }
        maxKmh = Math.ceil(maxKmh * 1.1 / 10) * 10;

        out.append("<svg class=\"speed\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append((int) WIDTH).append(' ')
                .append((int) HEIGHT).append("\" role=\"img\" aria-label=\"speed profile\">\n");
        renderShading(out, violations);
        renderAxes(out);
        renderLimit(out, matched, roadsByWay);
        renderCurve(out);
        renderStopPasses(out, violations, roads.stops());
        out.append("</svg>\n");
    }

    private static double limitKmh(Road road, boolean forward) {
        if (road == null) {
            return 0;
        }
        double limit = forward ? road.limitForwardKmh() : road.limitBackwardKmh();
        return limit > 0 ? limit : 0;
    }

    private double x(double time) {
        return LEFT + (time - startTime) / (endTime - startTime) * (WIDTH - LEFT - RIGHT);
    }

    private double y(double kmh) {
        return TOP + (1 - Math.max(0, Math.min(kmh, maxKmh)) / maxKmh) * (HEIGHT - TOP - BOTTOM);
    }

    private void renderShading(StringBuilder out, List<Violation> violations) {
        for (Violation v : violations) {
            if (v.type().equals("speeding")) {
                double from = x(v.startTime());
                double to = Math.max(x(v.endTime()), from + 1);
                out.append("<rect class=\"speeding-episode\" x=\"").append(SvgPath.number(from)).append("\" y=\"")
                        .append((int) TOP).append("\" width=\"").append(SvgPath.number(to - from)).append("\" height=\"")
                        .append((int) (HEIGHT - TOP - BOTTOM)).append("\"/>");
            }
        }
    }

    private void renderAxes(StringBuilder out) {
        out.append("<g class=\"axes\">");
        double step = maxKmh > 150 ? 40 : 20;
        for (double kmh = 0; kmh <= maxKmh; kmh += step) {
            out.append("<line x1=\"").append((int) LEFT).append("\" x2=\"").append((int) (WIDTH - RIGHT)).append("\" y1=\"")
                    .append(SvgPath.number(y(kmh))).append("\" y2=\"").append(SvgPath.number(y(kmh))).append("\"/>")
                    .append("<text x=\"").append((int) LEFT - 6).append("\" y=\"").append(SvgPath.number(y(kmh) + 4))
                    .append("\" text-anchor=\"end\">").append((int) kmh).append("</text>");
        }
        for (int tick = 0; tick <= 4; tick++) {
            double time = startTime + tick * (endTime - startTime) / 4;
            out.append("<text x=\"").append(SvgPath.number(x(time))).append("\" y=\"").append((int) HEIGHT - 8)
                    .append("\" text-anchor=\"").append(tick == 0 ? "start" : tick == 4 ? "end" : "middle").append("\">")
                    .append(clock(time)).append("</text>");
        }
        out.append("<text class=\"unit\" x=\"").append((int) LEFT + 4).append("\" y=\"").append((int) TOP + 12)
                .append("\">km/h</text></g>\n");
    }

    private void renderLimit(StringBuilder out, List<MatchedSegment> matched, Map<Long, Road> roadsByWay) {
        SvgPath steps = new SvgPath();
        for (MatchedSegment segment : matched) {
            double limit = limitKmh(roadsByWay.get(segment.osmWayId()), segment.forward());
            if (limit > 0) {
                steps.moveTo(x(segment.startTime()), y(limit)).horizontalTo(x(Math.max(segment.endTime(), segment.startTime())));
            }
        }
        out.append("<path class=\"limit\" d=\"").append(steps).append("\"/>\n");
    }

    private void renderCurve(StringBuilder out) {
        int n = trip.count();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = x(trip.timeSeconds()[i]);
            ys[i] = y(speedKmh[i]);
        }
        int[] kept = Simplifier.keepAtMost(xs, ys, n, 0.3, MAX_CURVE_POINTS);
        SvgPath curve = new SvgPath();
        for (int k = 0; k < kept.length; k++) {
            if (k == 0) {
                curve.moveTo(xs[kept[k]], ys[kept[k]]);
            } else {
                curve.lineTo(xs[kept[k]], ys[kept[k]]);
            }
        }
        out.append("<path class=\"speed-curve\" d=\"").append(curve).append("\"/>\n");
    }

    /** Each pass near a stop sign of the map, and each stop-sign violation, with its minimum speed. */
    private void renderStopPasses(StringBuilder out, List<Violation> violations, List<StopSignMark> stops) {
        out.append("<g class=\"stop-passes\">");
        Set<Long> marked = new HashSet<>();
        for (StopSignMark stop : stops) {
            if (!marked.add(stop.nodeId())) {
                continue;
            }
            int closest = -1;
            double closestMeters = Double.POSITIVE_INFINITY;
            for (int i = 0; i < trip.count(); i++) {
                double d = meters(stop.lat(), stop.lon(), trip.lat()[i], trip.lon()[i]);
                if (d < closestMeters) {
                    closestMeters = d;
                    closest = i;
                }
            }
            if (closest < 0 || closestMeters > STOP_PASS_METERS) {
                continue;
            }
            double minKmh = Double.POSITIVE_INFINITY;
            double minTime = trip.timeSeconds()[closest];
            for (int i = closest; i >= 0 && meters(stop.lat(), stop.lon(), trip.lat()[i], trip.lon()[i]) <= STOP_ZONE_METERS; i--) {
                if (speedKmh[i] < minKmh) {
                    minKmh = speedKmh[i];
                    minTime = trip.timeSeconds()[i];
                }
            }
            for (int i = closest; i < trip.count() && meters(stop.lat(), stop.lon(), trip.lat()[i], trip.lon()[i]) <= STOP_ZONE_METERS; i++) {
                if (speedKmh[i] < minKmh) {
                    minKmh = speedKmh[i];
                    minTime = trip.timeSeconds()[i];
                }
            }
            stopMark(out, minTime, minKmh, "stop sign (node " + stop.nodeId() + ")");
        }
        for (Violation v : violations) {
            Object node = v.evidence().get("stop_osm_node_id");
            Object minSpeed = v.evidence().get("min_speed_kmh");
            if (v.type().equals("stop_sign") && minSpeed instanceof Number kmh
                    && !(node instanceof Number id && marked.contains(id.longValue()))) {
                stopMark(out, v.startTime(), kmh.doubleValue(), "stop sign violation");
            }
        }
        out.append("</g>\n");
    }

    private void stopMark(StringBuilder out, double time, double kmh, String what) {
        double px = x(time);
        double py = y(kmh);
        out.append("<g class=\"stop-pass\"><path d=\"").append(new SvgPath().dot(px, py)).append("\"/><text x=\"")
                .append(SvgPath.number(px + 6)).append("\" y=\"").append(SvgPath.number(py - 6)).append("\">")
                .append(String.format(Locale.ROOT, "%.0f km/h", kmh)).append("</text><title>")
                .append(Html.escape(what)).append(": lowest ").append(String.format(Locale.ROOT, "%.1f km/h at ", kmh))
                .append(clock(time)).append("</title></g>");
    }

    static String clock(double epochSeconds) {
        return CLOCK.format(Instant.ofEpochMilli((long) (epochSeconds * 1000)));
    }

    static double meters(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1) * 6_371_000;
        double dLon = Math.toRadians(lon2 - lon1) * 6_371_000 * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        return Math.hypot(dLat, dLon);
    }
}
