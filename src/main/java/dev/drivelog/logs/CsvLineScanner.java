package dev.drivelog.logs;

/**
 * Reads the common lines of a CSV log outside Java: the native library's scanner
 * ({@code drivelog_csv_scan}, bound by {@code analysis.ffm.NativeCsvScanner}), given to the
 * {@link TripReader} when the library is loaded in-process. It takes a line only when its values are
 * exactly what the Java reader makes of it (same doubles, same float casts, same rules); at any other
 * line it stops before it and the Java reader reads that line itself, so messages and counts stay
 * the Java reader's. Implementations are thread safe; each read starts its own {@link Batch}.
 */
public interface CsvLineScanner {
    /** Stop codes of {@link Batch#scan}: no complete line left; the columns are full; the next line is Java's. */
    int STOP_END = 0;
    int STOP_FULL = 1;
    int STOP_DEFER = 2;

    /** Line kinds in {@link CsvScanColumns#kind}: a point, a blank or comment line, an invalid fix. */
    byte LINE_POINT = 1;
    byte LINE_SKIPPED = 2;
    byte LINE_INVALID_FIX = 3;

    /** The scans of one read: with this layout, into these columns. */
    Batch start(CsvScanLayout layout, CsvScanColumns columns);

    interface Batch {
        /**
         * Scans the complete ({@code '\n'}-terminated) lines at the start of {@code text[from, to)} into
         * the columns; {@link CsvScanColumns#scanned} says how many lines and bytes.
         *
         * @return a STOP code, or a negative number when the scanner refused the call (nothing scanned)
         */
        int scan(byte[] text, int from, int to);
    }
}
