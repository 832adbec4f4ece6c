package dev.drivelog.analysis.ffm;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.drivelog.config.BindingMode;
import dev.drivelog.logs.GpxScanColumns;
import dev.drivelog.logs.GpxScanLayout;
import dev.drivelog.logs.GpxScanner;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The native GPX scanner ({@code drivelog_gpx_scan}, capi/drivelog_gpx.h) for the logs reader. As
 * {@link NativeJsonLinesScanner}: a critical call, so the reader's buffer, the columns and the state
 * block (a {@code long[]}, for its 8-byte alignment) are passed where they are.
 */
public final class NativeGpxScanner implements GpxScanner {
    // drivelog_gpx_layout's fields and the state block's (pinned by static_asserts in capi/gpx_scan.cpp).
    private static final long ZONE_IS_UTC = 0;
    private static final long SPLIT_SEGMENTS = 4;
    private static final long HDOP_UERE = 8;
    private static final int LAYOUT_BYTES = 16;
    private static final int STATE_BYTES = 8856;
    private static final long STATE_LINE_BREAKS = 8;
    private static final long STATE_REPLAY_BYTES = 16;
    private static final long STATE_REPLAY = 664;

    private final NativeFunctions.Downcall scan;

    private NativeGpxScanner(NativeFunctions.Downcall scan) {
        this.scan = scan;
    }

    /** The scanner of the process-wide library (loaded and its ABI checked if it was not yet), its downcall linked. */
    public static NativeGpxScanner get() {
        NativeGpxScanner scanner = new NativeGpxScanner(NativeFunctions.get().gpxScan);
        scanner.scan.handle();
        return scanner;
    }

    /**
     * The scanner where the library is used in-process ({@link BindingMode#FFM}), else null (all Aalto).
     * Its downcall is linked when a GPX log is first read.
     */
    public static GpxScanner forBinding(BindingMode mode) {
        return mode == BindingMode.FFM ? new NativeGpxScanner(NativeFunctions.get().gpxScan) : null;
    }

    @Override
    public Scan start(GpxScanLayout layout, GpxScanColumns columns) {
        MemorySegment struct = MemorySegment.ofArray(new long[LAYOUT_BYTES / Long.BYTES]);
        struct.set(JAVA_INT, ZONE_IS_UTC, layout.zoneIsUtc() ? 1 : 0);
        struct.set(JAVA_INT, SPLIT_SEGMENTS, layout.splitSegments() ? 1 : 0);
        struct.set(JAVA_DOUBLE, HDOP_UERE, layout.hdopUereMeters());
        return new NativeScan(scan.handle(), struct, columns);
    }

    /** One document's scan: its state block and the segments over its arrays, made once. */
    private static final class NativeScan implements Scan {
        private final MethodHandle scan;
        private final MemorySegment layout;
        private final MemorySegment state = MemorySegment.ofArray(new long[STATE_BYTES / Long.BYTES]);
        private final long capacity;
        private final MemorySegment time;
        private final MemorySegment lat;
        private final MemorySegment lon;
        private final MemorySegment speed;
        private final MemorySegment heading;
        private final MemorySegment accuracy;
        private final MemorySegment line;
        private final MemorySegment entry;
        private final MemorySegment scanned;
        private final ReaderBuffer text = new ReaderBuffer();

        NativeScan(MethodHandle scan, MemorySegment layout, GpxScanColumns c) {
            this.scan = scan;
            this.layout = layout;
            this.capacity = c.capacity;
            this.time = MemorySegment.ofArray(c.time);
            this.lat = MemorySegment.ofArray(c.lat);
            this.lon = MemorySegment.ofArray(c.lon);
            this.speed = MemorySegment.ofArray(c.speed);
            this.heading = MemorySegment.ofArray(c.heading);
            this.accuracy = MemorySegment.ofArray(c.accuracy);
            this.line = MemorySegment.ofArray(c.line);
            this.entry = MemorySegment.ofArray(c.entry);
            this.scanned = MemorySegment.ofArray(c.scanned);
        }

        @Override
        public int scan(byte[] bytes, int from, int to) {
            int stop;
            try {
                stop = (int) scan.invokeExact(layout, state, state.byteSize(), text.from(bytes, from), (long) (to - from),
                        capacity, time, lat, lon, speed, heading, accuracy, line, entry, scanned);
            } catch (Throwable t) {
                throw new IllegalStateException("calling drivelog_gpx_scan", t);
            }
            if (stop < 0) {
                throw new IllegalStateException("drivelog_gpx_scan refused its arguments");
            }
            return stop;
        }

        @Override
        public long lineBreaks() {
            return state.get(JAVA_LONG, STATE_LINE_BREAKS);
        }

        @Override
        public byte[] replay() {
            int n = state.get(JAVA_INT, STATE_REPLAY_BYTES);
            return state.asSlice(STATE_REPLAY, n).toArray(JAVA_BYTE);
        }
    }
}
