package dev.drivelog.analysis.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.drivelog.analysis.NativeLibrary;
import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

/**
 * Downcall handles for the map and analyzer functions of the C ABI, looked up once per process.
 * {@code size_t} is {@code JAVA_LONG}: the library is built for 64-bit Linux only.
 */
final class NativeFunctions {
    private static volatile NativeFunctions instance;

    final MethodHandle mapOpen;
    final MethodHandle mapClose;
    final MethodHandle mapInfoJson;
    final MethodHandle analyzerCreate;
    final MethodHandle analyzerDestroy;
    final MethodHandle analyze;
    final MethodHandle effectiveConfig;

    private NativeFunctions(NativeLibrary library) {
        mapOpen = library.function("drivelog_map_open",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
        mapClose = library.function("drivelog_map_close", FunctionDescriptor.ofVoid(ADDRESS));
        mapInfoJson = library.function("drivelog_map_info_json",
                FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG));
        analyzerCreate = library.function("drivelog_analyzer_create",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
        analyzerDestroy = library.function("drivelog_analyzer_destroy", FunctionDescriptor.ofVoid(ADDRESS));
        analyze = library.function("drivelog_analyze", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, ADDRESS, JAVA_LONG,           // analyzer, trip_id, count
                ADDRESS, ADDRESS, ADDRESS,             // time_s, lat, lon
                ADDRESS, ADDRESS, ADDRESS,             // speed_mps, heading_deg, accuracy_m
                ADDRESS, ADDRESS, ADDRESS, JAVA_LONG)); // &result_json, &result_len, error, error_len
        effectiveConfig = library.function("drivelog_effective_config",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG));
    }

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
}
