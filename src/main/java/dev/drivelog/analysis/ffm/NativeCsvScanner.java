package dev.drivelog.analysis.ffm;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.drivelog.config.BindingMode;
import dev.drivelog.logs.CsvLineScanner;
import dev.drivelog.logs.CsvScanColumns;
import dev.drivelog.logs.CsvScanLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The native CSV line scanner ({@code drivelog_csv_scan}, capi/drivelog_csv.h) for the logs reader.
 * The call is critical, so the reader's byte buffer and the column arrays are passed as they are,
 * without a copy; the layout struct lives in a Java {@code long[]} as well, so nothing is allocated
 * off-heap and nothing needs closing.
 */
public final class NativeCsvScanner implements CsvLineScanner {
    // drivelog_csv_layout's fields (pinned by static_asserts in capi/csv_scan.cpp and test_capi.cpp).
    private static final long COLUMN_COUNT = 0;
    private static final long NEEDED_FIELDS = 4;
    private static final long DELIMITER = 8;
    private static final long ZONE_IS_UTC = 12;
    private static final long HDOP_UERE = 16;
    private static final long KINDS = 24;
    private static final long SPEED_FACTORS = 88;
    private static final int LAYOUT_BYTES = 600;

    private final MethodHandle scan;

    private NativeCsvScanner(MethodHandle scan) {
        this.scan = scan;
    }

    /** The scanner of the process-wide library (loaded and its ABI checked if it was not yet). */
    public static NativeCsvScanner get() {
        return new NativeCsvScanner(NativeFunctions.get().csvScan.handle());
    }

    /**
     * The scanner where the library is used in-process ({@link BindingMode#FFM}), else null: with
     * child processes the reader stays all Java, as the engine's library is not in this process's hands.
     */
    public static CsvLineScanner forBinding(BindingMode mode) {
        return mode == BindingMode.FFM ? get() : null;
    }

    @Override
    public Batch start(CsvScanLayout layout, CsvScanColumns columns) {
        return new NativeBatch(scan, layoutStruct(layout), columns);
    }

    private static MemorySegment layoutStruct(CsvScanLayout layout) {
        MemorySegment struct = MemorySegment.ofArray(new long[LAYOUT_BYTES / Long.BYTES]);
        int count = layout.kinds().length;
        struct.set(JAVA_INT, COLUMN_COUNT, count);
        struct.set(JAVA_INT, NEEDED_FIELDS, layout.neededFields());
        struct.set(JAVA_INT, DELIMITER, layout.delimiter());
        struct.set(JAVA_INT, ZONE_IS_UTC, layout.zoneIsUtc() ? 1 : 0);
        struct.set(JAVA_DOUBLE, HDOP_UERE, layout.hdopUereMeters());
        for (int i = 0; i < count; i++) {
            struct.set(JAVA_BYTE, KINDS + i, layout.kinds()[i]);
            struct.set(JAVA_DOUBLE, SPEED_FACTORS + (long) i * Double.BYTES, layout.speedFactors()[i]);
        }
        return struct;
    }

    /** One read's scans: the segments over its arrays made once. */
    private static final class NativeBatch implements Batch {
        private final MethodHandle scan;
        private final MemorySegment layout;
        private final ColumnSegments c;
        private final ReaderBuffer text = new ReaderBuffer();

        NativeBatch(MethodHandle scan, MemorySegment layout, CsvScanColumns columns) {
            this.scan = scan;
            this.layout = layout;
            this.c = ColumnSegments.over(columns);
        }

        @Override
        public int scan(byte[] bytes, int from, int to) {
            try {
                return (int) scan.invokeExact(layout, text.from(bytes, from), (long) (to - from), c.capacity(), c.time(),
                        c.lat(), c.lon(), c.speed(), c.heading(), c.accuracy(), c.vehicleAt(), c.vehicleLength(), c.kind(),
                        c.scanned());
            } catch (Throwable t) {
                throw new IllegalStateException("calling drivelog_csv_scan", t);
            }
        }
    }
}
