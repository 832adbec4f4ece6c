package dev.drivelog.logs;

import java.util.Arrays;

/**
 * Splits one CSV line at a delimiter, honouring RFC 4180 quotes ({@code "a;b"}, {@code "say ""hi"""}).
 * A quoted field cannot span lines in drive logs: an unclosed quote makes the line malformed.
 */
final class CsvLineSplitter {
    private final char delimiter;
    private String[] fields = new String[16];
    private int count;

    CsvLineSplitter(char delimiter) {
        this.delimiter = delimiter;
    }

    /** Field {@code index} of the line last split. */
    String field(int index) {
        return fields[index];
    }

    /** Picks the delimiter of a header line: the most frequent of comma, semicolon and tab outside quotes. */
    static char detectDelimiter(String header) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (tabs >= commas && tabs >= semicolons && tabs > 0) {
            return '\t';
        }
        if (semicolons > commas) {
            return ';';
        }
        return ',';
    }

    /** Splits the line into fields (read them with {@link #field}); returns how many there are. */
    int split(String line) throws MalformedRecordException {
        count = 0;
        int n = line.length();
        int i = 0;
        while (true) {
            if (i < n && line.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new MalformedRecordException("unclosed quote");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            value.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        value.append(c);
                    }
                }
                add(value.toString());
                while (i < n && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && line.charAt(i) != delimiter) {
                    throw new MalformedRecordException("text after a closing quote");
                }
            } else {
                int end = line.indexOf(delimiter, i);
                if (end < 0) {
                    end = n;
                }
                add(line.substring(i, end));
                i = end;
            }
            if (i >= n) {
                return count;
            }
            i++; // the delimiter
            if (i == n) {
                add("");
                return count;
            }
        }
    }

    private void add(String field) {
        if (count == fields.length) {
            fields = Arrays.copyOf(fields, count * 2);
        }
        fields[count++] = field;
    }
}
