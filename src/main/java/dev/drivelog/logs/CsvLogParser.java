package dev.drivelog.logs;

import dev.drivelog.config.LogsConfig;
import java.io.IOException;
import java.io.InputStream;

/**
 * CSV with a header line naming the columns (see {@link FieldName}); delimiter comma, semicolon
 * or tab, detected from the header. Blank lines and lines starting with {@code #} are skipped.
 * Columns without a meaning to drivelog are ignored.
 */
final class CsvLogParser implements LogParser {
    private final LogsConfig config;
    private final ReadCounts counts;
    private final CsvLineScanner scanner;

    CsvLogParser(LogsConfig config, ReadCounts counts) {
        this(config, counts, null);
    }

    /** @param scanner reads the common lines natively, or null: every line is read here */
    CsvLogParser(LogsConfig config, ReadCounts counts, CsvLineScanner scanner) {
        this.config = config;
        this.counts = counts;
        this.scanner = scanner;
    }

    @Override
    public void parse(InputStream in, PointSink sink) throws IOException, UnreadableLogException {
        LineReader lines = new LineReader(in, config.maxLineBytes(), counts);
        String header = nextContentLine(lines);
        if (header == null) {
            return;
        }
        char delimiter = CsvLineSplitter.detectDelimiter(header);
        CsvLineSplitter splitter = new CsvLineSplitter(delimiter);
        FieldName[] columns = columns(header, splitter, lines.lineNumber());
        int neededFields = lastRequiredColumn(columns) + 1;
        Row row = new Row(columns, neededFields, (byte) delimiter);
        VehicleIds vehicleIds = new VehicleIds();
        PointRecord record = new PointRecord(config, vehicleIds);
        ScannedCsvLines scanned = scanner == null ? null
                : ScannedCsvLines.of(scanner, CsvScanLayout.of(columns, neededFields, delimiter, config), vehicleIds, counts);
        while (true) {
            if (scanned != null) {
                scanned.readWaitingLines(lines, sink); // then the line it stopped before, or the next buffer's first, is read here
            }
            if (!lines.advance()) {
                break;
            }
            try {
                if (!readPlainAscii(lines, row, record, sink)) {
                    String line = lines.text();
                    if (!line.isBlank() && !line.startsWith("#")) {
                        readQuotedOrUnicode(line, splitter, row, record, sink, lines.lineNumber());
                    }
                }
            } catch (MalformedRecordException e) {
                counts.malformed(lines.lineNumber(), e.getMessage() + ", line skipped");
            }
        }
    }

    /** The columns of the header and, per line, where each field lies in the reader's buffer. */
    private static final class Row {
        final FieldName[] columns;
        final int neededFields;
        final byte delimiter;
        final AsciiText[] fields;

        Row(FieldName[] columns, int neededFields, byte delimiter) {
            this.columns = columns;
            this.neededFields = neededFields;
            this.delimiter = delimiter;
            this.fields = new AsciiText[columns.length];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = new AsciiText();
            }
        }
    }

    /**
     * The common line (ASCII, no quoted field) read where it lies in the buffer, without a String per
     * line or field. Returns false, having consumed nothing, for a line with other bytes or a quoted
     * field: the caller reads that one as text with the quote-aware splitter, exactly as before.
     * Blank lines and comments are skipped here (true).
     */
    private boolean readPlainAscii(LineReader lines, Row row, PointRecord record, PointSink sink)
            throws MalformedRecordException {
        byte[] b = lines.buffer();
        int from = lines.lineStart();
        int to = lines.lineEnd();
        if (from < to && b[from] == '#') {
            return true;
        }
        AsciiText[] fields = row.fields;
        byte delimiter = row.delimiter;
        int n = 0;
        int fieldStart = from;
        boolean blank = true;
        for (int i = from; ; i++) {
            if (i < to && blank && !isAsciiWhitespace(b[i])) {
                blank = false; // checked before the delimiter: a line of tabs is blank in a tab-separated log too
            }
            if (i == to || b[i] == delimiter) {
                if (n < fields.length) {
                    fields[n].set(b, fieldStart, i);
                }
                n++;
                if (i == to) {
                    break;
                }
                fieldStart = i + 1;
                continue;
            }
            byte c = b[i];
            if (c < 0 || (c == '"' && i == fieldStart)) {
                return false;
            }
        }
        if (blank) {
            return true;
        }
        if (n < row.neededFields) {
            throw new MalformedRecordException("expected " + row.columns.length + " fields, got " + n);
        }
        record.reset();
        FieldName[] columns = row.columns;
        for (int i = 0; i < columns.length && i < n; i++) {
            if (columns[i] != null) {
                record.set(columns[i], fields[i], config.speedUnit());
            }
        }
        record.emit(sink, lines.lineNumber(), counts);
        return true;
    }

    /** Character.isWhitespace for ASCII: what String.isBlank skips. */
    private static boolean isAsciiWhitespace(byte c) {
        return (c >= 9 && c <= 13) || (c >= 28 && c <= 32);
    }

    private void readQuotedOrUnicode(String line, CsvLineSplitter splitter, Row row, PointRecord record, PointSink sink,
                                     long lineNumber) throws MalformedRecordException {
        int n = splitter.split(line);
        if (n < row.neededFields) {
            throw new MalformedRecordException("expected " + row.columns.length + " fields, got " + n);
        }
        record.reset();
        for (int i = 0; i < row.columns.length && i < n; i++) {
            FieldName column = row.columns[i];
            if (column != null) {
                record.set(column, splitter.field(i), config.speedUnit());
            }
        }
        record.emit(sink, lineNumber, counts);
    }

    private static String nextContentLine(LineReader lines) throws IOException {
        String line;
        while ((line = lines.next()) != null) {
            if (!line.isBlank() && !line.startsWith("#")) {
                return line;
            }
        }
        return null;
    }

    private FieldName[] columns(String header, CsvLineSplitter splitter, long line) throws UnreadableLogException {
        int n;
        try {
            n = splitter.split(header);
        } catch (MalformedRecordException e) {
            throw new UnreadableLogException(counts.inputName, "line " + line + ": unreadable CSV header: " + e.getMessage());
        }
        FieldName[] columns = new FieldName[n];
        boolean[] seen = new boolean[FieldName.values().length];
        for (int i = 0; i < columns.length; i++) {
            FieldName field = FieldName.of(splitter.field(i));
            if (field != null && !seen[field.ordinal()]) {
                seen[field.ordinal()] = true;
                columns[i] = field;
            }
        }
        for (FieldName required : new FieldName[] {FieldName.TIME, FieldName.LAT, FieldName.LON}) {
            if (!seen[required.ordinal()]) {
                throw new UnreadableLogException(counts.inputName, "line " + line + ": CSV header has no "
                        + required.name().toLowerCase(java.util.Locale.ROOT) + " column (looked for "
                        + required.aliases() + "); header is: " + abbreviate(header));
            }
        }
        return columns;
    }

    private static int lastRequiredColumn(FieldName[] columns) {
        int last = 0;
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] == FieldName.TIME || columns[i] == FieldName.LAT || columns[i] == FieldName.LON) {
                last = i;
            }
        }
        return last;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
