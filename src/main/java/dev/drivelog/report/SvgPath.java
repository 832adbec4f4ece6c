package dev.drivelog.report;

import java.util.Locale;

/** Builds the {@code d} attribute of an SVG path with coordinates rounded to a tenth of a unit. */
public final class SvgPath {
    private final StringBuilder d = new StringBuilder();

    public SvgPath moveTo(double x, double y) {
        d.append('M').append(number(x)).append(' ').append(number(y));
        return this;
    }

    public SvgPath lineTo(double x, double y) {
        d.append('L').append(number(x)).append(' ').append(number(y));
        return this;
    }

    /** A dot: a zero-length segment drawn by a round line cap. */
    public SvgPath dot(double x, double y) {
        return moveTo(x, y).append("h0");
    }

    SvgPath horizontalTo(double x) {
        d.append('H').append(number(x));
        return this;
    }

    private SvgPath append(String raw) {
        d.append(raw);
        return this;
    }

    public boolean isEmpty() {
        return d.isEmpty();
    }

    @Override
    public String toString() {
        return d.toString();
    }

    public static String number(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        if (rounded == Math.rint(rounded)) {
            return Long.toString((long) rounded);
        }
        return String.format(Locale.ROOT, "%.1f", rounded);
    }
}
