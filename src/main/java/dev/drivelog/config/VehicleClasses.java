package dev.drivelog.config;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code analysis.vehicles:} subsection: which vehicle class each trip is analysed for, when a
 * fleet mixes cars, trucks and buses (docs/CONFIGURATION.md). Read by Java and never passed to the
 * engine as such: a trip's class reaches the engine as its {@code vehicle_class} setting.
 *
 * <p>A trip's class is the first of: {@code by_id} for the log's vehicle id, the first
 * {@code by_input} glob matching the input's name (the S3 key in the pipeline, the file's name in
 * {@code drivelog analyze}), else {@code analysis.vehicle_class}.
 *
 * @param byId    vehicle id -> class, as written
 * @param byInput input-name globs -> class, in the order written
 */
public record VehicleClasses(Map<String, String> byId, Map<String, String> byInput) {
    /**
     * The engine's vehicle classes and Japan's vehicle types, each analysed as a class with its own
     * size and weight ({@code analysis.vehicle_class}; detect/vehicle_types.cpp, the same order).
     */
    public static final List<String> CLASSES = List.of("car", "hgv", "bus", "motorcycle", "jp_large_goods",
            "jp_specified_medium_goods", "jp_medium_goods", "jp_semi_medium_goods", "jp_large_passenger",
            "jp_medium_passenger", "jp_ordinary", "jp_kei", "jp_large_motorcycle", "jp_ordinary_motorcycle");

    public static final VehicleClasses NONE = new VehicleClasses(Map.of(), Map.of());

    static final String KEY = "vehicles";
    private static final String PATH = "analysis." + KEY;

    public VehicleClasses {
        byId = frozen(byId);
        byInput = frozen(byInput);
    }

    /** Reads {@code analysis.vehicles} ({@code null}: none), refusing unknown keys and class names by key. */
    static VehicleClasses from(Object tree) {
        if (tree == null) {
            return NONE;
        }
        Map<String, Object> section = mappingAt(PATH, tree);
        for (String key : section.keySet()) {
            if (!key.equals("by_id") && !key.equals("by_input")) {
                throw new ConfigException(PATH + "." + key, "unknown key (known keys here: by_id, by_input)");
            }
        }
        Map<String, String> byInput = classes(PATH + ".by_input", section.get("by_input"));
        byInput.keySet().forEach(glob -> matcher(PATH + ".by_input." + glob, glob));
        return new VehicleClasses(classes(PATH + ".by_id", section.get("by_id")), byInput);
    }

    public boolean isEmpty() {
        return byId.isEmpty() && byInput.isEmpty();
    }

    /**
     * The class configured for a trip of vehicle {@code vehicleId} in input {@code inputName} (either may
     * be null or empty), or null when neither names one (the analysis's own {@code vehicle_class} then).
     */
    public String classFor(String inputName, String vehicleId) {
        if (vehicleId != null && !vehicleId.isEmpty()) {
            String byVehicle = byId.get(vehicleId);
            if (byVehicle != null) {
                return byVehicle;
            }
        }
        Path input = inputPath(inputName);
        if (input != null) {
            for (Map.Entry<String, String> rule : byInput.entrySet()) {
                if (matcher(PATH + ".by_input." + rule.getKey(), rule.getKey()).matches(input)) {
                    return rule.getValue();
                }
            }
        }
        return null;
    }

    /** The input's name as a path for the globs; null when empty or not a path (a NUL in an S3 key). */
    private static Path inputPath(String inputName) {
        if (inputName == null || inputName.isEmpty()) {
            return null;
        }
        try {
            return Path.of(inputName);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** A stable account of the mapping, for the result version (empty when there is none). */
    public String describe() {
        return isEmpty() ? "" : "vehicles.by_id=" + byId + " vehicles.by_input=" + byInput;
    }

    private static Map<String, String> classes(String path, Object tree) {
        Map<String, String> out = new LinkedHashMap<>();
        if (tree == null) {
            return out;
        }
        mappingAt(path, tree).forEach((key, value) -> {
            String keyPath = path + "." + key;
            if (key.isEmpty()) {
                throw new ConfigException(keyPath, "an empty name");
            }
            if (!(value instanceof String name) || !CLASSES.contains(name)) {
                throw new ConfigException(keyPath, "must be one of " + String.join(", ", CLASSES) + ", got '" + value + "'");
            }
            out.put(key, name);
        });
        return out;
    }

    private static Map<String, Object> mappingAt(String path, Object tree) {
        if (!(tree instanceof Map<?, ?> map)) {
            throw new ConfigException(path, "must be a mapping of keys");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((key, value) -> out.put(String.valueOf(key), value));
        return out;
    }

    private static PathMatcher matcher(String keyPath, String glob) {
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(keyPath, "not a glob: " + e.getMessage());
        }
    }

    private static Map<String, String> frozen(Map<String, String> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
