package dev.drivelog.logs;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Parses the timestamps drive logs use into seconds since the Unix epoch (UTC):
 * <ul>
 * <li>ISO-8601 date and time, separated by {@code T} or a space (dates may use {@code /}), seconds
 *     and fraction optional, then {@code Z}, {@code ±hh}, {@code ±hhmm}, {@code ±hh:mm} or
 *     {@code UTC}; without a zone the configured zone applies;</li>
 * <li>a plain number, taken by magnitude as epoch seconds (below 1e11), milliseconds (below 1e14)
 *     or microseconds. 1e11 s is the year 5138 and 1e11 ms is 1973, so the ranges cannot overlap
 *     for real drive logs.</li>
 * </ul>
 * Written by hand because it runs once per point: several times faster than DateTimeFormatter, and
 * it reads the text where it lies (any {@link CharSequence}, e.g. a field of a line in the reader's
 * byte buffer) without allocating. Not thread safe: the read position is a field (one parser per record).
 */
final class TimestampParser {
    private final ZoneId defaultZone;
    private final boolean defaultZoneIsUtc;

    // The text being parsed and the read position in it: [index, end) is what is left.
    private CharSequence text;
    private int start;
    private int index;
    private int end;

    TimestampParser(ZoneId defaultZone) {
        this.defaultZone = defaultZone;
        this.defaultZoneIsUtc = defaultZone.normalized().equals(ZoneOffset.UTC);
    }

    double parse(CharSequence raw) throws MalformedRecordException {
        int from = Blanks.start(raw);
        int to = Blanks.end(raw, from);
        if (from == to) {
            throw new MalformedRecordException("empty time");
        }
        if (isNumber(raw, from, to)) {
            return fromEpochNumber(raw, from, to);
        }
        text = raw;
        start = from;
        index = from;
        end = to;
        try {
            return parseIso();
        } finally {
            text = null; // not kept beyond the call: it may be a view of a buffer that is reused
        }
    }

    /** An epoch number in seconds, milliseconds or microseconds, told apart by magnitude. */
    static double fromEpochNumber(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 1e14) {
            return value / 1e6;
        }
        if (magnitude >= 1e11) {
            return value / 1e3;
        }
        return value;
    }

    private static double fromEpochNumber(CharSequence s, int from, int to) throws MalformedRecordException {
        try {
            return fromEpochNumber(DecimalParser.parse(s, from, to));
        } catch (NumberFormatException e) {
            throw new MalformedRecordException("bad epoch time '" + s.subSequence(from, to) + "'");
        }
    }

    private static boolean isNumber(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || ((c == '-' || c == '+') && i == from) || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return to - from < 8 || s.charAt(from + 4) != '-';
    }

    private double parseIso() throws MalformedRecordException {
        int year = digits(4, "year");
        char dateSeparator = oneOf('-', '/', '-', "date");
        int month = digits(2, "month");
        expect(dateSeparator, "date");
        int day = digits(2, "day");
        oneOf('T', ' ', 't', "date/time separator");
        while (peek() == ' ') {
            index++;
        }
        int hour = digits(2, "hour");
        expect(':', "time");
        int minute = digits(2, "minute");
        int second = 0;
        double fraction = 0;
        if (peek() == ':') {
            index++;
            second = digits(2, "second");
            if (peek() == '.' || peek() == ',') {
                index++;
                fraction = fraction();
            }
        }
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
            throw new MalformedRecordException("time out of range '" + whole() + "'");
        }
        if (second == 60) { // a leap second: the instant right before the next minute
            second = 59;
            fraction = 0.999;
        }
        while (peek() == ' ') {
            index++;
        }
        int offsetSeconds;
        if (index >= end) {
            if (!defaultZoneIsUtc) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second).atZone(defaultZone).toEpochSecond()
                            + fraction;
                } catch (DateTimeException e) {
                    throw new MalformedRecordException("bad time '" + whole() + "': " + e.getMessage());
                }
            }
            offsetSeconds = 0;
        } else {
            offsetSeconds = offset();
        }
        if (day > daysInMonth(year, month)) {
            throw new MalformedRecordException("no such date '" + whole() + "'");
        }
        return daysFromCivil(year, month, day) * 86400.0 + hour * 3600 + minute * 60 + second + fraction - offsetSeconds;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms"). */
    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097L + dayOfEra - 719468;
    }

    private char peek() {
        return index < end ? text.charAt(index) : '\0';
    }

    private int digits(int count, String what) throws MalformedRecordException {
        if (index + count > end) {
            throw bad(what);
        }
        int value = 0;
        for (int i = 0; i < count; i++) {
            char ch = text.charAt(index + i);
            if (ch < '0' || ch > '9') {
                throw bad(what);
            }
            value = value * 10 + (ch - '0');
        }
        index += count;
        return value;
    }

    private double fraction() throws MalformedRecordException {
        double value = 0;
        double scale = 0.1;
        int first = index;
        while (index < end && text.charAt(index) >= '0' && text.charAt(index) <= '9') {
            value += (text.charAt(index) - '0') * scale;
            scale /= 10;
            index++;
        }
        if (index == first) {
            throw bad("fraction of a second");
        }
        return value;
    }

    private char oneOf(char a, char b, char c, String what) throws MalformedRecordException {
        char ch = peek();
        if (ch == '\0' || (ch != a && ch != b && ch != c)) {
            throw bad(what);
        }
        index++;
        return ch;
    }

    private void expect(char ch, String what) throws MalformedRecordException {
        if (peek() != ch) {
            throw bad(what);
        }
        index++;
    }

    private int offset() throws MalformedRecordException {
        if (restIs("Z") || restIs("z") || restIsIgnoringCase("UTC") || restIsIgnoringCase("GMT")) {
            return 0;
        }
        char sign = peek();
        if (sign != '+' && sign != '-') {
            throw bad("zone");
        }
        index++;
        int hours = digits(2, "zone");
        int minutes = 0;
        if (peek() == ':') {
            index++;
        }
        if (index < end) {
            minutes = digits(2, "zone");
        }
        if (index < end || hours > 18 || minutes > 59) {
            throw new MalformedRecordException("bad zone in time '" + whole() + "'");
        }
        int seconds = hours * 3600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    private boolean restIs(String expected) {
        if (end - index != expected.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if (text.charAt(index + i) != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code expected} in capitals; only ASCII letters map to those (as in String.equalsIgnoreCase). */
    private boolean restIsIgnoringCase(String expected) {
        if (end - index != expected.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if (Character.toUpperCase(text.charAt(index + i)) != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The stripped text, for messages. */
    private String whole() {
        return text.subSequence(start, end).toString();
    }

    private MalformedRecordException bad(String what) {
        return new MalformedRecordException("bad time '" + whole() + "' (at the " + what + ")");
    }
}
