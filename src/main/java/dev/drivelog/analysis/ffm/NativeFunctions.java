package dev.drivelog.analysis.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.drivelog.analysis.NativeLibrary;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * Downcall handles for the map and analyzer functions of the C ABI, each linked once per process on
 * its first use ({@link Downcall}). {@code size_t} is {@code JAVA_LONG}: the library is built for
 * 64-bit Linux only.
 */
final class NativeFunctions {
    private static volatile NativeFunctions instance;

    /** Every downcall below, in declaration order (declared first: the field initialisers below add to it). */
    private final List<Downcall> all = new ArrayList<>();

    final Downcall mapOpen = new Downcall("drivelog_map_open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
    final Downcall mapClose = new Downcall("drivelog_map_close", FunctionDescriptor.ofVoid(ADDRESS));
    final Downcall mapInfoJson = new Downcall("drivelog_map_info_json",
            FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG));
    final Downcall analyzerCreate = new Downcall("drivelog_analyzer_create",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
    final Downcall analyzerDestroy = new Downcall("drivelog_analyzer_destroy", FunctionDescriptor.ofVoid(ADDRESS));
    final Downcall analyze = new Downcall("drivelog_analyze", FunctionDescriptor.of(JAVA_INT,
            ADDRESS, ADDRESS, JAVA_LONG,           // analyzer, trip_id, count
            ADDRESS, ADDRESS, ADDRESS,             // time_s, lat, lon
            ADDRESS, ADDRESS, ADDRESS,             // speed_mps, heading_deg, accuracy_m
            ADDRESS, ADDRESS, ADDRESS, JAVA_LONG)); // &result_json, &result_len, error, error_len
    final Downcall effectiveConfig = new Downcall("drivelog_effective_config",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG));
    /**
     * Critical: a short call that neither blocks nor calls back, so it may read and write Java arrays
     * in place (heap segments) instead of copies; the GC waits for it (tens of microseconds a batch).
     */
    final Downcall csvScan = new Downcall("drivelog_csv_scan", FunctionDescriptor.of(JAVA_INT,
            ADDRESS, ADDRESS, JAVA_LONG, JAVA_LONG,  // layout, text, length, capacity
            ADDRESS, ADDRESS, ADDRESS,               // time_s, lat, lon
            ADDRESS, ADDRESS, ADDRESS,               // speed_mps, heading_deg, accuracy_m
            ADDRESS, ADDRESS, ADDRESS, ADDRESS),     // vehicle_at, vehicle_length, line_kind, scanned
            Linker.Option.critical(true));
    /** Critical as {@link #csvScan}: the key table, the reader's buffer and the columns in place. */
    final Downcall jsonlScan = new Downcall("drivelog_jsonl_scan", FunctionDescriptor.of(JAVA_INT,
            ADDRESS, ADDRESS, JAVA_LONG,            // layout, keys, keys_length
            ADDRESS, JAVA_LONG, JAVA_LONG,          // text, length, capacity
            ADDRESS, ADDRESS, ADDRESS,              // time_s, lat, lon
            ADDRESS, ADDRESS, ADDRESS,              // speed_mps, heading_deg, accuracy_m
            ADDRESS, ADDRESS, ADDRESS, ADDRESS),    // vehicle_at, vehicle_length, line_kind, scanned
            Linker.Option.critical(true));

    /** Critical as {@link #csvScan}: the state block, the reader's buffer and the columns in place. */
    final Downcall gpxScan = new Downcall("drivelog_gpx_scan", FunctionDescriptor.of(JAVA_INT,
            ADDRESS, ADDRESS, JAVA_LONG,            // layout, state, state_length
            ADDRESS, JAVA_LONG, JAVA_LONG,          // text, length, capacity
            ADDRESS, ADDRESS, ADDRESS,              // time_s, lat, lon
            ADDRESS, ADDRESS, ADDRESS,              // speed_mps, heading_deg, accuracy_m
            ADDRESS, ADDRESS, ADDRESS),             // line, entry, scanned
            Linker.Option.critical(true));

    /** Critical as {@link #csvScan}: the reader's buffer and the columns in place. */
    final Downcall nmeaScan = new Downcall("drivelog_nmea_scan", FunctionDescriptor.of(JAVA_INT,
            ADDRESS, JAVA_LONG, JAVA_LONG,          // text, length, capacity
            ADDRESS, ADDRESS, ADDRESS,              // sentence, flags, line
            ADDRESS, ADDRESS, ADDRESS, ADDRESS,     // time_of_day_s, day, lat, lon
            ADDRESS, ADDRESS, ADDRESS, ADDRESS),    // speed, course_deg, hdop, scanned
            Linker.Option.critical(true));

    private final NativeLibrary library;

    /** Functions of {@code library}, none linked yet; the process's own are {@link #get()}'s. */
    NativeFunctions(NativeLibrary library) {
        this.library = library;
    }

    /** The functions of the process-wide library, which is loaded (and its ABI version checked) here. */
    static NativeFunctions get() {
        NativeFunctions local = instance;
        if (local == null) {
            synchronized (NativeFunctions.class) {
                local = instance;
                if (local == null) {
                    instance = local = new NativeFunctions(NativeLibrary.get());
                }
            }
        }
        return local;
    }

    /** The names of the C functions linked so far (what a container's init linked: tests and diagnostics). */
    List<String> linkedNames() {
        return all.stream().filter(Downcall::isLinked).map(Downcall::name).toList();
    }

    /**
     * One C function, linked on first use. Linking a downcall costs a few milliseconds in a fresh JVM
     * (the JDK spins its method handles then), and a container's init needs only some of them on its
     * own thread, so that the rest can be linked beside it ({@link NativeMap#prepare}), and a log
     * format's scanner is linked only when a log of that format is first read. Thread safe: one link
     * per process, however many threads ask at once. A failure (e.g. a symbol the library lacks) is
     * thrown to every caller alike, not remembered.
     */
    final class Downcall {
        private final String name;
        private final FunctionDescriptor descriptor;
        private final Linker.Option[] options;
        private volatile MethodHandle handle;

        Downcall(String name, FunctionDescriptor descriptor, Linker.Option... options) {
            this.name = name;
            this.descriptor = descriptor;
            this.options = options;
            all.add(this);
        }

        String name() {
            return name;
        }

        boolean isLinked() {
            return handle != null;
        }

        MethodHandle handle() {
            MethodHandle local = handle;
            if (local == null) {
                synchronized (this) {
                    local = handle;
                    if (local == null) {
                        handle = local = library.function(name, descriptor, options);
                    }
                }
            }
            return local;
        }
    }
}
