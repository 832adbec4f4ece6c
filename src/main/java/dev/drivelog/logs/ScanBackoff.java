package dev.drivelog.logs;

/**
 * When a native scanner stops at once, before the very line the reader offered it, the reader reads
 * a few lines in Java before it asks again (1, 2, 4 ... up to {@link #MAX_LINES}), so that a log whose
 * every line is Java's (quoted fields, a new key in every record, damaged NMEA) is not offered to the
 * scanner line by line. A scan that takes a line starts over. Results are the same either way.
 */
final class ScanBackoff {
    /** The most lines read in Java between two scans while the scans keep stopping at once. */
    static final int MAX_LINES = 64;

    private int javaLinesBeforeScan;
    private int next;

    /** Whether the reader reads this line in Java without asking the scanner (one fewer left then). */
    boolean javaReadsNextLine() {
        if (javaLinesBeforeScan > 0) {
            javaLinesBeforeScan--;
            return true;
        }
        return false;
    }

    /** After a scan that took {@code lines} lines and stopped with {@code stop} (a CsvLineScanner code). */
    void scanned(int lines, int stop) {
        if (lines > 0) {
            next = 0;
        } else if (stop == CsvLineScanner.STOP_DEFER) {
            javaLinesBeforeScan = next;
            next = Math.min(Math.max(1, 2 * next), MAX_LINES);
        }
    }
}
