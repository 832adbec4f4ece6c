package dev.drivelog.config;

import java.util.Objects;

/** Range checks for the compact constructors of the config records; each message names the key path. */
final class Require {
    private Require() {
    }

    static double positive(String keyPath, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ConfigException(keyPath, "must be > 0, got " + format(value));
        }
        return value;
    }

    static long positive(String keyPath, long value) {
        if (value <= 0) {
            throw new ConfigException(keyPath, "must be > 0, got " + value);
        }
        return value;
    }

    static long atLeast(String keyPath, long value, long min) {
        if (value < min) {
            throw new ConfigException(keyPath, "must be >= " + min + ", got " + value);
        }
        return value;
    }

    static long between(String keyPath, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ConfigException(keyPath, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    static <T> T present(String keyPath, T value) {
        if (value == null) {
            throw new ConfigException(keyPath, "must be set");
        }
        return Objects.requireNonNull(value);
    }

    private static String format(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
