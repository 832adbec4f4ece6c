package dev.drivelog.report;

import java.util.List;

/**
 * Roads of the reference map as an SVG group in a local projection: one path per road, stroke width
 * by class (report.css), simplified to {@code toleranceMeters}, with the name and way id as its title.
 * Used by the trip map and the fleet page's hot-spot map.
 */
public final class RoadLayer {
    private final LocalProjection projection;
    private final double toleranceMeters;

    public RoadLayer(LocalProjection projection, double toleranceMeters) {
        this.projection = projection;
        this.toleranceMeters = toleranceMeters;
    }

    public void render(StringBuilder out, List<Road> roads) {
        out.append("<g class=\"roads\">");
        for (Road road : roads) {
            out.append("<path class=\"road c-").append(Html.escape(road.roadClass())).append("\" d=\"").append(polyline(road.shape()))
                    .append("\"><title>").append(Html.escape(road.name().isEmpty() ? road.roadClass() : road.name()))
                    .append(" (way ").append(road.wayId()).append(")</title></path>");
        }
        out.append("</g>\n");
    }

    private SvgPath polyline(double[] shape) {
        int n = shape.length / 2;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = projection.y(shape[2 * i]);
            x[i] = projection.x(shape[2 * i + 1]);
        }
        SvgPath path = new SvgPath();
        int[] kept = Simplifier.keep(x, y, n, toleranceMeters);
        for (int k = 0; k < kept.length; k++) {
            if (k == 0) {
                path.moveTo(x[kept[k]], y[kept[k]]);
            } else {
                path.lineTo(x[kept[k]], y[kept[k]]);
            }
        }
        return path;
    }
}
