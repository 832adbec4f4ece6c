package dev.drivelog.analysis.ffm;

import dev.drivelog.config.BindingMode;
import dev.drivelog.logs.CsvLineScanner;
import dev.drivelog.logs.NmeaScanColumns;
import dev.drivelog.logs.NmeaSentenceScanner;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The native NMEA sentence scanner ({@code drivelog_nmea_scan}, capi/drivelog_nmea.h) for the logs
 * reader. As {@link NativeCsvScanner}: a critical call, so the reader's buffer and the column arrays
 * are passed where they are; nothing is allocated off-heap and nothing needs closing.
 */
public final class NativeNmeaScanner implements NmeaSentenceScanner {
    private final NativeFunctions.Downcall scan;

    private NativeNmeaScanner(NativeFunctions.Downcall scan) {
        this.scan = scan;
    }

    /** The scanner of the process-wide library (loaded and its ABI checked if it was not yet), its downcall linked. */
    public static NativeNmeaScanner get() {
        NativeNmeaScanner scanner = new NativeNmeaScanner(NativeFunctions.get().nmeaScan);
        scanner.scan.handle();
        return scanner;
    }

    /**
     * The scanner where the library is used in-process ({@link BindingMode#FFM}), else null (all Java).
     * Its downcall is linked when an NMEA log is first read.
     */
    public static NmeaSentenceScanner forBinding(BindingMode mode) {
        return mode == BindingMode.FFM ? new NativeNmeaScanner(NativeFunctions.get().nmeaScan) : null;
    }

    @Override
    public CsvLineScanner.Batch start(NmeaScanColumns columns) {
        return new NativeBatch(scan.handle(), columns);
    }

    /** One read's scans: the segments over its arrays made once. */
    private static final class NativeBatch implements CsvLineScanner.Batch {
        private final MethodHandle scan;
        private final long capacity;
        private final MemorySegment sentence;
        private final MemorySegment flags;
        private final MemorySegment line;
        private final MemorySegment timeOfDay;
        private final MemorySegment day;
        private final MemorySegment lat;
        private final MemorySegment lon;
        private final MemorySegment speed;
        private final MemorySegment course;
        private final MemorySegment hdop;
        private final MemorySegment scanned;
        private final ReaderBuffer text = new ReaderBuffer();

        NativeBatch(MethodHandle scan, NmeaScanColumns c) {
            this.scan = scan;
            this.capacity = c.capacity;
            this.sentence = MemorySegment.ofArray(c.sentence);
            this.flags = MemorySegment.ofArray(c.flags);
            this.line = MemorySegment.ofArray(c.line);
            this.timeOfDay = MemorySegment.ofArray(c.timeOfDay);
            this.day = MemorySegment.ofArray(c.day);
            this.lat = MemorySegment.ofArray(c.lat);
            this.lon = MemorySegment.ofArray(c.lon);
            this.speed = MemorySegment.ofArray(c.speed);
            this.course = MemorySegment.ofArray(c.course);
            this.hdop = MemorySegment.ofArray(c.hdop);
            this.scanned = MemorySegment.ofArray(c.scanned);
        }

        @Override
        public int scan(byte[] bytes, int from, int to) {
            try {
                return (int) scan.invokeExact(text.from(bytes, from), (long) (to - from), capacity, sentence, flags, line,
                        timeOfDay, day, lat, lon, speed, course, hdop, scanned);
            } catch (Throwable t) {
                throw new IllegalStateException("calling drivelog_nmea_scan", t);
            }
        }
    }
}
