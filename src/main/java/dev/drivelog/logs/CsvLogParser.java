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

    CsvLogParser(LogsConfig config, ReadCounts counts) {
        this.config = config;
        this.counts = counts;
    }

    @Override
    public void parse(InputStream in, PointSink sink) throws IOException, UnreadableLogException {
        LineReader lines = new LineReader(in, config.maxLineBytes(), counts);
        String header = nextContentLine(lines);
        if (header == null) {
            return;
        }
        CsvLineSplitter splitter = new CsvLineSplitter(CsvLineSplitter.detectDelimiter(header));
        FieldName[] columns = columns(header, splitter, lines.lineNumber());
        int neededFields = lastRequiredColumn(columns) + 1;
        PointRecord record = new PointRecord(config);
        String line;
        while ((line = nextContentLine(lines)) != null) {
            try {
                int n = splitter.split(line);
                if (n < neededFields) {
                    throw new MalformedRecordException("expected " + columns.length + " fields, got " + n);
                }
                record.reset();
                for (int i = 0; i < columns.length && i < n; i++) {
                    FieldName column = columns[i];
                    if (column != null) {
                        record.set(column, splitter.field(i), config.speedUnit());
                    }
                }
                record.emit(sink, lines.lineNumber(), counts);
            } catch (MalformedRecordException e) {
                counts.malformed(lines.lineNumber(), e.getMessage() + ", line skipped");
            }
        }
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
