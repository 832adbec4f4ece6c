package dev.drivelog.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Environment variables that override config keys: {@code DRIVELOG_} + the key path in upper case
 * with {@code __} (two underscores) between levels, e.g. {@code DRIVELOG_LOGS__TRIP_GAP_SECONDS=600}
 * sets {@code logs.trip_gap_seconds}. Values are read as YAML scalars (600 is a number, true a
 * boolean). Variables without {@code __} (DRIVELOG_HOME, DRIVELOG_JAVA_OPTS) are not config.
 */
final class EnvironmentOverrides {
    static final String PREFIX = "DRIVELOG_";
    static final String LEVEL_SEPARATOR = "__";

    /** One override: the key path it sets, the variable that set it, and its raw text. */
    record Override(List<String> path, String variable, String text) {
        String keyPath() {
            return String.join(".", path);
        }
    }

    private EnvironmentOverrides() {
    }

    /** The overrides found in {@code environment}, sorted by variable name so that the result is stable. */
    static List<Override> from(Map<String, String> environment) {
        List<Override> overrides = new ArrayList<>();
        for (Map.Entry<String, String> entry : new TreeMap<>(environment).entrySet()) {
            String name = entry.getKey();
            if (!name.startsWith(PREFIX) || !name.contains(LEVEL_SEPARATOR)) {
                continue;
            }
            List<String> path = new ArrayList<>();
            for (String part : name.substring(PREFIX.length()).split(LEVEL_SEPARATOR, -1)) {
                if (part.isEmpty() || part.startsWith("_") || part.endsWith("_")) {
                    throw new ConfigException("", "environment variable " + name
                            + ": malformed name (levels are separated by exactly two underscores)");
                }
                path.add(part.toLowerCase(Locale.ROOT));
            }
            overrides.add(new Override(List.copyOf(path), name, entry.getValue()));
        }
        return overrides;
    }

    /** Sets {@code value} at the override's path in the (mutable) tree, creating mappings on the way. */
    @SuppressWarnings("unchecked")
    static void apply(Map<String, Object> tree, Override override, Object value) {
        Map<String, Object> node = tree;
        List<String> path = override.path();
        for (int i = 0; i < path.size() - 1; i++) {
            String key = path.get(i);
            Object child = node.get(key);
            if (child == null) {
                child = new LinkedHashMap<String, Object>();
                node.put(key, child);
            } else if (!(child instanceof Map)) {
                throw new ConfigException(String.join(".", path.subList(0, i + 1)), "is a plain value, so "
                        + override.variable() + " cannot set " + override.keyPath() + " below it");
            } else {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) child);
                node.put(key, copy);
                child = copy;
            }
            node = (Map<String, Object>) child;
        }
        node.put(path.getLast(), value);
    }
}
