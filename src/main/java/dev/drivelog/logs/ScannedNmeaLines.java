package dev.drivelog.logs;

/**
 * The NMEA reader's fast path: hands the complete lines waiting in the {@link LineReader}'s buffer to
 * an {@link NmeaSentenceScanner} (no copy: the scanner reads the buffer where it is), counts the lines
 * it took as read and hands its rows to the epoch assembly ({@link Rows}). The scanner stops before
 * any line it does not read the Java way; that line is then the caller's.
 */
final class ScannedNmeaLines {
    /** Sentences per scan: about one 64 KiB buffer of fleet lines (two or three sentences an epoch). */
    static final int BATCH_SENTENCES = 1024;

    /** Takes the rows of one scan, in order. */
    interface Rows {
        /** Rows {@code [0, count)} of {@code columns}; row i is on line {@code firstLine + columns.line[i]}. */
        void take(NmeaScanColumns columns, int count, long firstLine);
    }

    private final CsvLineScanner.Batch batch;
    private final NmeaScanColumns columns;
    private final ScanBackoff backoff = new ScanBackoff();
    private boolean refused;

    private ScannedNmeaLines(CsvLineScanner.Batch batch, NmeaScanColumns columns) {
        this.batch = batch;
        this.columns = columns;
    }

    /** The fast path of one read, or null when there is no scanner. */
    static ScannedNmeaLines of(NmeaSentenceScanner scanner) {
        if (scanner == null) {
            return null;
        }
        NmeaScanColumns columns = new NmeaScanColumns(BATCH_SENTENCES);
        return new ScannedNmeaLines(scanner.start(columns), columns);
    }

    /**
     * Reads the complete lines in the buffer until the scanner stops before a line or runs out of
     * them; the caller then reads the next line itself ({@link LineReader#advance}).
     */
    void readWaitingLines(LineReader lines, Rows rows) {
        if (refused || backoff.javaReadsNextLine()) {
            return;
        }
        while (true) {
            int stop = batch.scan(lines.buffer(), lines.position(), lines.limit());
            if (stop < 0) {
                refused = true; // cannot happen with the reader's own arrays; the Java path reads on
                return;
            }
            int scannedLines = (int) columns.scanned[1];
            long firstLine = lines.lineNumber() + 1;
            lines.skipScanned(scannedLines, (int) columns.scanned[2]);
            rows.take(columns, (int) columns.scanned[0], firstLine);
            backoff.scanned(scannedLines, stop);
            if (stop != CsvLineScanner.STOP_FULL) {
                return;
            }
        }
    }
}
