package dev.drivelog.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code analysis:} section: settings of the native engine, kept as a free-form tree because the
 * engine owns and validates them. Java checks only the shape (lower-case keys, scalar values or
 * nested mappings, lists of scalars) and hands them over as {@code a.b.c=value} lines.
 *
 * @param settings the tree as written (nested maps of String keys); immutable
 */
public record AnalysisConfig(Map<String, Object> settings) {

    public static final AnalysisConfig DEFAULTS = new AnalysisConfig(Map.of());

    private static final Pattern KEY = Pattern.compile("[a-z0-9_]+");

    public AnalysisConfig {
        settings = freeze("analysis", settings);
    }

    /** A subsection read by Java itself ({@link BindingConfig}); every other key but {@code vehicles} goes to the engine. */
    public static final String BINDING_KEY = "binding";

    public static AnalysisConfig from(ConfigSection root) {
        AnalysisConfig config = new AnalysisConfig(root.mapping("analysis"));
        config.binding(); // validated now, with the other keys, rather than at first use
        config.vehicles();
        return config;
    }

    /** The {@code analysis.binding:} subsection: FFM or subprocess, threads, timeout. */
    public BindingConfig binding() {
        Object binding = settings.get(BINDING_KEY);
        if (binding == null) {
            return BindingConfig.DEFAULTS;
        }
        if (!(binding instanceof Map<?, ?> tree)) {
            throw new ConfigException("analysis." + BINDING_KEY, "must be a mapping of keys");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        tree.forEach((key, value) -> values.put(String.valueOf(key), value));
        return BindingConfig.from(new ConfigSection("analysis." + BINDING_KEY, values));
    }

    /** The {@code analysis.vehicles:} subsection: vehicle classes per vehicle id and per input. */
    public VehicleClasses vehicles() {
        return VehicleClasses.from(settings.get(VehicleClasses.KEY));
    }

    /** {@code analysis.vehicle_class} as written, or null (the engine's default, car). */
    public String vehicleClass() {
        Object value = settings.get(VEHICLE_CLASS_KEY);
        return value == null ? null : String.valueOf(value);
    }

    /** The engine key of the analysed vehicle's class, set per trip when {@link #vehicles()} names one. */
    public static final String VEHICLE_CLASS_KEY = "vehicle_class";

    /**
     * The engine's settings (all but {@code binding:} and {@code vehicles:}) as {@code path=value} lines sorted by path,
     * e.g. {@code speeding.tolerance_kmh=5};
     * list values are joined with commas. This is the {@code config} text of drivelog_analyzer_create.
     */
    public List<String> engineLines() {
        Map<String, Object> engineSettings = new LinkedHashMap<>(settings);
        engineSettings.remove(BINDING_KEY);
        engineSettings.remove(VehicleClasses.KEY);
        Map<String, String> flat = new TreeMap<>();
        flatten("", engineSettings, flat);
        List<String> lines = new ArrayList<>(flat.size());
        flat.forEach((path, value) -> lines.add(path + "=" + value));
        return List.copyOf(lines);
    }

    /** {@link #engineLines()} joined with newlines (empty when nothing is set). */
    public String engineConfigText() {
        return String.join("\n", engineLines());
    }

    private static void flatten(String prefix, Map<String, Object> tree, Map<String, String> out) {
        tree.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) nested;
                flatten(path, typed, out);
            } else if (value instanceof List<?> list) {
                List<String> parts = new ArrayList<>();
                list.forEach(item -> parts.add(String.valueOf(item)));
                out.put(path, String.join(",", parts));
            } else {
                out.put(path, String.valueOf(value));
            }
        });
    }

    private static Map<String, Object> freeze(String path, Map<?, ?> tree) {
        if (tree == null) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        tree.forEach((rawKey, value) -> {
            String key = String.valueOf(rawKey);
            String keyPath = path + "." + key;
            // Vehicle ids and input globs are the fleet's names, not engine keys (VehicleClasses checks them).
            boolean fleetNames = path.startsWith("analysis." + VehicleClasses.KEY + ".");
            if (!fleetNames && !KEY.matcher(key).matches()) {
                throw new ConfigException(keyPath, "engine keys are lower-case letters, digits and '_'");
            }
            copy.put(key, freezeValue(keyPath, value));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object freezeValue(String keyPath, Object value) {
        if (value instanceof Map<?, ?> nested) {
            return freeze(keyPath, nested);
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map || item instanceof List) {
                    throw new ConfigException(keyPath, "a list may hold only plain values");
                }
                items.add(freezeValue(keyPath, item));
            }
            return List.copyOf(items);
        }
        if (value == null) {
            throw new ConfigException(keyPath, "has no value (remove the key to use the engine's default)");
        }
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new ConfigException(keyPath, "must be a plain value (number, true/false or text), got "
                    + value.getClass().getSimpleName());
        }
        String text = String.valueOf(value);
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new ConfigException(keyPath, "must not contain a line break");
        }
        return value;
    }
}
