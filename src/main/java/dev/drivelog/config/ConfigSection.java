package dev.drivelog.config;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One mapping of the YAML tree (e.g. {@code logs:}) read into a record: typed getters that take the
 * record's default, and {@link #refuseUnknownKeys()} so that a misspelt key is an error, not a
 * silently ignored setting. Each section record has a {@code from(ConfigSection)} factory built on it;
 * that is the extension point for the sections other concerns own.
 */
public final class ConfigSection {
    private final String path;
    private final Map<String, Object> values;
    private final Set<String> read = new LinkedHashSet<>();

    ConfigSection(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values;
    }

    /** An empty section (all defaults), e.g. for tests. */
    public static ConfigSection empty(String path) {
        return new ConfigSection(path, Map.of());
    }

    /** The section's own key path, e.g. {@code logs}. */
    public String path() {
        return path;
    }

    public String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public int intValue(String key, int defaultValue) {
        long value = longValue(key, defaultValue);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new ConfigException(keyPath(key), "must be an integer between " + Integer.MIN_VALUE + " and "
                    + Integer.MAX_VALUE + ", got " + value);
        }
        return (int) value;
    }

    public long longValue(String key, long defaultValue) {
        Object value = take(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger big) {
            throw new ConfigException(keyPath(key), "must be an integer of at most 19 digits, got " + big);
        }
        throw wrongType(key, "an integer", value);
    }

    public double doubleValue(String key, double defaultValue) {
        Object value = take(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number number && !(value instanceof java.math.BigInteger)) {
            return number.doubleValue();
        }
        throw wrongType(key, "a number", value);
    }

    public boolean booleanValue(String key, boolean defaultValue) {
        Object value = take(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw wrongType(key, "true or false", value);
    }

    public String stringValue(String key, String defaultValue) {
        Object value = take(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw wrongType(key, "a string", value);
    }

    /** An enum written in YAML in lower case ({@code kmh} for {@code KMH}). */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E defaultValue) {
        Object value = take(key);
        if (value == null) {
            return defaultValue;
        }
        Set<String> allowed = new TreeSet<>();
        for (E constant : type.getEnumConstants()) {
            String name = constant.name().toLowerCase(Locale.ROOT);
            allowed.add(name);
            if (name.equals(value.toString().toLowerCase(Locale.ROOT))) {
                return constant;
            }
        }
        throw new ConfigException(keyPath(key), "must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
    }

    /** A nested mapping; missing means empty. */
    public ConfigSection section(String key) {
        return new ConfigSection(keyPath(key), mapping(key));
    }

    /** A nested mapping kept as it is (for free-form sections such as {@code analysis:}). */
    public Map<String, Object> mapping(String key) {
        Object value = take(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw wrongType(key, "a mapping of keys", value);
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    /** Refuses any key that no getter asked for: call after reading every field. */
    public void refuseUnknownKeys() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new ConfigException(keyPath(key), "unknown key" + (read.isEmpty() ? ""
                        : " (known keys here: " + String.join(", ", new TreeSet<>(read)) + ")"));
            }
        }
    }

    private Object take(String key) {
        read.add(key);
        return values.get(key);
    }

    private ConfigException wrongType(String key, String expected, Object value) {
        String shown = value instanceof String ? "'" + value + "'" : value instanceof Map ? "a mapping"
                : value instanceof java.util.List ? "a list" : String.valueOf(value);
        return new ConfigException(keyPath(key), "must be " + expected + ", got " + shown);
    }
}
