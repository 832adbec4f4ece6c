package dev.drivelog.logs;

import java.nio.charset.StandardCharsets;

/**
 * Tells the format of a decoded drive log from its first bytes: binary content is refused, then
 * the first non-blank character decides ({@code <} GPX, {@code {} JSON Lines, {@code $} NMEA, and a
 * delimited header line CSV). The file name is not consulted: content wins over a missing or wrong
 * extension (TripReader notes a mismatch in the report).
 */
final class FormatDetector {
    /** How many leading bytes are inspected. */
    static final int PREFIX_BYTES = 8192;
    private static final java.util.regex.Pattern NMEA_SENTENCE = java.util.regex.Pattern.compile("\\$[A-Z]{5},");

    private FormatDetector() {
    }

    /** Refuses content that is not UTF-8 text at all (binary, UTF-16); needed even when the format is given. */
    static void requireText(String inputName, byte[] prefix, int length) throws UnreadableLogException {
        if (length >= 2 && ((prefix[0] & 0xFF) == 0xFF && (prefix[1] & 0xFF) == 0xFE
                || (prefix[0] & 0xFF) == 0xFE && (prefix[1] & 0xFF) == 0xFF)) {
            throw new UnreadableLogException(inputName, "UTF-16 text; drive logs are read as UTF-8 (save or export"
                    + " the file as UTF-8)");
        }
        int start = bomLength(prefix, length);
        if (looksBinary(prefix, start, length)) {
            throw new UnreadableLogException(inputName, "binary content, not a drive log (CSV, JSON Lines, NMEA 0183"
                    + " or GPX, optionally gzip-compressed)");
        }
    }

    /** The format, or null for empty or blank content, or an exception explaining why it is not a drive log. */
    static LogFormat detect(String inputName, byte[] prefix, int length) throws UnreadableLogException {
        requireText(inputName, prefix, length);
        int start = bomLength(prefix, length);
        int first = start;
        while (first < length && isBlank(prefix[first])) {
            first++;
        }
        if (first == length) {
            return null; // only blanks
        }
        String text = new String(prefix, first, length - first, StandardCharsets.UTF_8);
        switch (text.charAt(0)) {
            case '<' -> {
                return LogFormat.GPX;
            }
            case '{' -> {
                return LogFormat.JSONL;
            }
            case '[' -> throw new UnreadableLogException(inputName, "a JSON array; drivelog reads JSON Lines"
                    + " (one JSON object per line)");
            case '$', '!' -> {
                return LogFormat.NMEA;
            }
            default -> { }
        }
        String firstLine = text.lines().findFirst().orElse("");
        // Sentences after junk or after a logger's own prefix (e.g. a timestamp) in the first lines.
        if (text.lines().limit(5).anyMatch(line -> NMEA_SENTENCE.matcher(line).find())) {
            return LogFormat.NMEA;
        }
        if (firstLine.indexOf(',') >= 0 || firstLine.indexOf(';') >= 0 || firstLine.indexOf('\t') >= 0) {
            return LogFormat.CSV;
        }
        throw new UnreadableLogException(inputName, "not a recognised drive-log format (CSV with a header line,"
                + " JSON Lines, NMEA 0183 or GPX); it starts with: " + abbreviate(firstLine));
    }

    private static int bomLength(byte[] prefix, int length) {
        return length >= 3 && (prefix[0] & 0xFF) == 0xEF && (prefix[1] & 0xFF) == 0xBB && (prefix[2] & 0xFF) == 0xBF
                ? 3 : 0;
    }

    private static boolean looksBinary(byte[] prefix, int start, int length) {
        int control = 0;
        for (int i = start; i < length; i++) {
            int b = prefix[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        return control * 20 > length - start; // over 5% control characters
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private static String abbreviate(String text) {
        String shown = text.length() <= 60 ? text : text.substring(0, 60) + "...";
        return "'" + shown + "'";
    }
}
