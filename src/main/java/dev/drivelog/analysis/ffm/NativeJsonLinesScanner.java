package dev.drivelog.analysis.ffm;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.drivelog.config.BindingMode;
import dev.drivelog.logs.CsvLineScanner;
import dev.drivelog.logs.CsvScanColumns;
import dev.drivelog.logs.JsonLinesScanner;
import dev.drivelog.logs.JsonScanKeys;
import dev.drivelog.logs.JsonScanLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The native JSON Lines scanner ({@code drivelog_jsonl_scan}, capi/drivelog_jsonl.h) for the logs
 * reader. As {@link NativeCsvScanner}: a critical call, so the reader's buffer, the key table and the
 * column arrays are passed where they are, and the layout struct lives in a Java array.
 */
public final class NativeJsonLinesScanner implements JsonLinesScanner {
    // drivelog_jsonl_layout's fields (pinned by static_asserts in capi/jsonl_scan.cpp).
    private static final long ZONE_IS_UTC = 0;
    private static final long HDOP_UERE = 8;
    private static final long SPEED_FACTOR = 16;
    private static final long KMH_FACTOR = 24;
    private static final long KNOTS_FACTOR = 32;
    private static final long MPH_FACTOR = 40;
    private static final int LAYOUT_BYTES = 48;

    private final NativeFunctions.Downcall scan;

    private NativeJsonLinesScanner(NativeFunctions.Downcall scan) {
        this.scan = scan;
    }

    /** The scanner of the process-wide library (loaded and its ABI checked if it was not yet), its downcall linked. */
    public static NativeJsonLinesScanner get() {
        NativeJsonLinesScanner scanner = new NativeJsonLinesScanner(NativeFunctions.get().jsonlScan);
        scanner.scan.handle();
        return scanner;
    }

    /**
     * The scanner where the library is used in-process ({@link BindingMode#FFM}), else null (all Java).
     * Its downcall is linked when a JSON Lines log is first read, not here: a fresh JVM spends a few
     * milliseconds on a link, which a command on other formats should not pay.
     */
    public static JsonLinesScanner forBinding(BindingMode mode) {
        return mode == BindingMode.FFM ? new NativeJsonLinesScanner(NativeFunctions.get().jsonlScan) : null;
    }

    @Override
    public CsvLineScanner.Batch start(JsonScanLayout layout, JsonScanKeys keys, CsvScanColumns columns) {
        return new NativeBatch(scan.handle(), layoutStruct(layout), keys, columns);
    }

    private static MemorySegment layoutStruct(JsonScanLayout layout) {
        MemorySegment struct = MemorySegment.ofArray(new long[LAYOUT_BYTES / Long.BYTES]);
        struct.set(JAVA_INT, ZONE_IS_UTC, layout.zoneIsUtc() ? 1 : 0);
        struct.set(JAVA_DOUBLE, HDOP_UERE, layout.hdopUereMeters());
        struct.set(JAVA_DOUBLE, SPEED_FACTOR, layout.speedFactor());
        struct.set(JAVA_DOUBLE, KMH_FACTOR, layout.kmhFactor());
        struct.set(JAVA_DOUBLE, KNOTS_FACTOR, layout.knotsFactor());
        struct.set(JAVA_DOUBLE, MPH_FACTOR, layout.mphFactor());
        return struct;
    }

    /** One read's scans: the segments over its arrays made once, the key table's when it grows. */
    private static final class NativeBatch implements CsvLineScanner.Batch {
        private final MethodHandle scan;
        private final MemorySegment layout;
        private final JsonScanKeys keys;
        private final ColumnSegments c;
        private final ReaderBuffer text = new ReaderBuffer();
        private byte[] keyBytes;
        private MemorySegment keySegment;

        NativeBatch(MethodHandle scan, MemorySegment layout, JsonScanKeys keys, CsvScanColumns columns) {
            this.scan = scan;
            this.layout = layout;
            this.keys = keys;
            this.c = ColumnSegments.over(columns);
        }

        @Override
        public int scan(byte[] bytes, int from, int to) {
            if (keys.bytes() != keyBytes) { // likewise the key table
                keyBytes = keys.bytes();
                keySegment = MemorySegment.ofArray(keyBytes);
            }
            try {
                return (int) scan.invokeExact(layout, keySegment, (long) keys.length(), text.from(bytes, from),
                        (long) (to - from), c.capacity(), c.time(), c.lat(), c.lon(), c.speed(), c.heading(), c.accuracy(),
                        c.vehicleAt(), c.vehicleLength(), c.kind(), c.scanned());
            } catch (Throwable t) {
                throw new IllegalStateException("calling drivelog_jsonl_scan", t);
            }
        }
    }
}
