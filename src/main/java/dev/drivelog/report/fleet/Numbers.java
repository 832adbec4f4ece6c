package dev.drivelog.report.fleet;

import java.util.Locale;

/** Numbers as the fleet page prints them: fixed decimals, locale-neutral (the same in every language). */
final class Numbers {
    private Numbers() {}

    static String fixed(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "-";
    }

    static String fixed(Double value, int decimals) {
        return value == null ? "-" : fixed(value.doubleValue(), decimals);
    }

    /** 12,345: thousands grouped, as both English and Japanese readers expect. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
