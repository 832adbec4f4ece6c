package dev.drivelog.logs;

/**
 * The CSV and JSON Lines readers' fast path: hands the complete lines waiting in the {@link LineReader}'s buffer to
 * a {@link CsvLineScanner} (no copy: the scanner reads the buffer where it is) and passes on what it
 * read as the Java path would have: each point to the sink with its line number and its vehicle's one
 * String ({@link VehicleIds}), each invalid fix counted, the lines counted by the reader. The scanner
 * stops before any line it does not read the Java way; that line is then the caller's.
 */
final class ScannedCsvLines {
    /** Lines per scan: about one 64 KiB buffer of fleet lines, 45 bytes of columns each. */
    static final int BATCH_LINES = 1024;

    private final CsvLineScanner.Batch batch;
    private final CsvScanColumns columns;
    private final VehicleIds vehicleIds;
    private final ReadCounts counts;
    private final ScanBackoff backoff = new ScanBackoff();
    private boolean refused;

    private ScannedCsvLines(CsvLineScanner.Batch batch, CsvScanColumns columns, VehicleIds vehicleIds, ReadCounts counts) {
        this.batch = batch;
        this.columns = columns;
        this.vehicleIds = vehicleIds;
        this.counts = counts;
    }

    /** The fast path for this header, or null when there is no scanner or it cannot read the header's layout. */
    static ScannedCsvLines of(CsvLineScanner scanner, CsvScanLayout layout, VehicleIds vehicleIds, ReadCounts counts) {
        if (scanner == null || layout == null) {
            return null;
        }
        CsvScanColumns columns = new CsvScanColumns(BATCH_LINES);
        return new ScannedCsvLines(scanner.start(layout, columns), columns, vehicleIds, counts);
    }

    /** The fast path of a JSON Lines read, or null when there is no scanner; it knows the keys in {@code keys} at each scan. */
    static ScannedCsvLines of(JsonLinesScanner scanner, JsonScanLayout layout, JsonScanKeys keys, VehicleIds vehicleIds,
                              ReadCounts counts) {
        if (scanner == null) {
            return null;
        }
        CsvScanColumns columns = new CsvScanColumns(BATCH_LINES);
        return new ScannedCsvLines(scanner.start(layout, keys, columns), columns, vehicleIds, counts);
    }

    /**
     * Reads the complete lines in the buffer until the scanner stops before a line or runs out of
     * them; the caller then reads the next line itself ({@link LineReader#advance}).
     */
    void readWaitingLines(LineReader lines, PointSink sink) {
        if (refused || backoff.javaReadsNextLine()) {
            return;
        }
        while (true) {
            byte[] buffer = lines.buffer();
            int from = lines.position();
            int stop = batch.scan(buffer, from, lines.limit());
            if (stop < 0) {
                refused = true; // cannot happen with a layout from CsvScanLayout.of or JsonScanLayout.of; the Java path reads on
                return;
            }
            int scannedLines = (int) columns.scanned[0];
            long firstLine = lines.lineNumber() + 1;
            lines.skipScanned(scannedLines, (int) columns.scanned[1]);
            emit(buffer, from, scannedLines, firstLine, sink);
            backoff.scanned(scannedLines, stop);
            if (stop != CsvLineScanner.STOP_FULL) {
                return;
            }
        }
    }

    private void emit(byte[] buffer, int from, int scannedLines, long firstLine, PointSink sink) {
        CsvScanColumns c = columns;
        for (int i = 0; i < scannedLines; i++) {
            byte kind = c.kind[i];
            if (kind == CsvLineScanner.LINE_POINT) {
                int at = c.vehicleAt[i];
                String vehicle = at < 0 ? "" : vehicleIds.of(buffer, from + at, from + at + c.vehicleLength[i]);
                sink.point(vehicle, c.time[i], c.lat[i], c.lon[i], c.speed[i], c.heading[i], c.accuracy[i], firstLine + i);
            } else if (kind == CsvLineScanner.LINE_INVALID_FIX) {
                counts.invalidFixes++;
            }
        }
    }
}
