package dev.drivelog.analysis;

import dev.drivelog.config.AnalysisConfig;
import dev.drivelog.config.VehicleClasses;
import dev.drivelog.logs.Trip;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Analyzers for a fleet of several vehicle classes: each trip goes to analyzers configured with its
 * class ({@link VehicleClasses#classFor}: by vehicle id, by input, else the configured
 * {@code vehicle_class}). A class's analyzers are the same engine settings with {@code vehicle_class}
 * set to it, so the class reaches the engine as any other setting and both bindings (FFM and child
 * processes) analyse a trip alike. A class's pool is opened at its first trip; each holds up to the
 * binding's threads analyzers. Closing closes every pool.
 */
public final class VehicleClassAnalyzers implements Analyzer {
    /** Opens the analyzers for one set of engine settings (a pool, warmed up). */
    @FunctionalInterface
    public interface PoolOpener {
        AnalyzerPool open(List<String> engineLines) throws AnalysisException;
    }

    private final VehicleClasses vehicles;
    private final String defaultClass;
    private final List<String> engineLines;
    private final PoolOpener opener;
    private final Map<String, AnalyzerPool> pools = new LinkedHashMap<>();
    private boolean closed;

    /**
     * @param engineLines the engine settings ({@code key=value}); a trip of another class than theirs
     *                    gets them with {@code vehicle_class} replaced
     * @param opener      opens a pool; called now for {@code engineLines} (so a bad map or setting fails here)
     */
    public VehicleClassAnalyzers(VehicleClasses vehicles, List<String> engineLines, PoolOpener opener)
            throws AnalysisException {
        this.vehicles = vehicles;
        this.engineLines = List.copyOf(engineLines);
        this.opener = opener;
        this.defaultClass = engineLines.stream().filter(VehicleClassAnalyzers::isClassLine).map(line -> line.substring(line.indexOf('=') + 1))
                .reduce((first, last) -> last).orElse(VehicleClasses.CLASSES.getFirst());
        pools.put(defaultClass, opener.open(this.engineLines));
    }

    @Override
    public String analyze(Trip trip) throws AnalysisException {
        return poolFor(null, trip).analyze(trip);
    }

    @Override
    public byte[] analyzeUtf8(Trip trip) throws AnalysisException {
        return poolFor(null, trip).analyzeUtf8(trip);
    }

    @Override
    public Analyzer forInput(String inputName) {
        if (vehicles.isEmpty()) {
            return this;
        }
        return new Analyzer() {
            @Override
            public String analyze(Trip trip) throws AnalysisException {
                return poolFor(inputName, trip).analyze(trip);
            }

            @Override
            public byte[] analyzeUtf8(Trip trip) throws AnalysisException {
                return poolFor(inputName, trip).analyzeUtf8(trip);
            }

            @Override
            public void close() {
                // The pools belong to the enclosing analyzers.
            }
        };
    }

    /** The class a trip of {@code vehicleId} in {@code inputName} is analysed for (e.g. for tests and tables). */
    public String classOf(String inputName, String vehicleId) {
        String chosen = vehicles.classFor(inputName, vehicleId);
        return chosen == null ? defaultClass : chosen;
    }

    /** The pool of the class a trip of {@code inputName} (null: any input) is analysed for. */
    private AnalyzerPool poolFor(String inputName, Trip trip) throws AnalysisException {
        String vehicleClass = vehicles.classFor(inputName, trip.vehicleId());
        return pool(vehicleClass == null ? defaultClass : vehicleClass);
    }

    private AnalyzerPool pool(String vehicleClass) throws AnalysisException {
        synchronized (pools) {
            if (closed) {
                throw new IllegalStateException("analyzers are closed");
            }
            AnalyzerPool pool = pools.get(vehicleClass);
            if (pool == null) {
                // Opened under the lock: a class's first trip waits for its first analyzer, once.
                List<String> lines = new ArrayList<>(engineLines);
                lines.removeIf(VehicleClassAnalyzers::isClassLine);
                lines.add(AnalysisConfig.VEHICLE_CLASS_KEY + "=" + vehicleClass);
                pool = opener.open(lines);
                pools.put(vehicleClass, pool);
            }
            return pool;
        }
    }

    private static boolean isClassLine(String line) {
        return line.startsWith(AnalysisConfig.VEHICLE_CLASS_KEY + "=");
    }

    @Override
    public void close() {
        List<AnalyzerPool> open;
        synchronized (pools) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(pools.values());
        }
        Analyzer.closeAll(open);
    }
}
