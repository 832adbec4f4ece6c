package dev.drivelog.logs;

/**
 * Reads the common lines of a JSON Lines log outside Java: the native library's scanner
 * ({@code drivelog_jsonl_scan}, bound by {@code analysis.ffm.NativeJsonLinesScanner}), given to the
 * {@link TripReader} when the library is loaded in-process. Like the {@link CsvLineScanner}, whose
 * columns, line kinds and stop codes it shares, it takes a line only when Jackson accepts it and its
 * values are exactly what the Java reader makes of it; at any other line it stops before it and the
 * Java reader reads that line itself. It knows only the keys the Java reader has met
 * ({@link JsonScanKeys}): a line with another key is Java's, which then learns it. Implementations
 * are thread safe; each read starts its own batch.
 */
public interface JsonLinesScanner {
    /**
     * The scans of one read: with this layout, into these columns, with the keys in {@code keys} at
     * the time of each scan (the reader adds keys as it meets them).
     */
    CsvLineScanner.Batch start(JsonScanLayout layout, JsonScanKeys keys, CsvScanColumns columns);
}
