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
 * Written by hand because it runs once per point: several times faster than DateTimeFormatter.
 */
final class TimestampParser {
    private final ZoneId defaultZone;
    private final boolean defaultZoneIsUtc;

    TimestampParser(ZoneId defaultZone) {
        this.defaultZone = defaultZone;
        this.defaultZoneIsUtc = defaultZone.normalized().equals(ZoneOffset.UTC);
    }

    double parse(String text) throws MalformedRecordException {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new MalformedRecordException("empty time");
        }
        if (isNumber(s)) {
            return fromEpochNumber(s);
        }
        return parseIso(s);
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

    private static double fromEpochNumber(String s) throws MalformedRecordException {
        try {
            return fromEpochNumber(DecimalParser.parse(s));
        } catch (NumberFormatException e) {
            throw new MalformedRecordException("bad epoch time '" + s + "'");
        }
    }

    private static boolean isNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || ((c == '-' || c == '+') && i == 0) || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return s.length() < 8 || s.charAt(4) != '-';
    }

    private double parseIso(String s) throws MalformedRecordException {
        Cursor c = new Cursor(s);
        int year = c.digits(4, "year");
        char dateSeparator = c.oneOf("-/", "date");
        int month = c.digits(2, "month");
        c.expect(dateSeparator, "date");
        int day = c.digits(2, "day");
        c.oneOf("T t", "date/time separator");
        while (c.peek() == ' ') {
            c.index++;
        }
        int hour = c.digits(2, "hour");
        c.expect(':', "time");
        int minute = c.digits(2, "minute");
        int second = 0;
        double fraction = 0;
        if (c.peek() == ':') {
            c.index++;
            second = c.digits(2, "second");
            if (c.peek() == '.' || c.peek() == ',') {
                c.index++;
                fraction = c.fraction();
            }
        }
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
            throw new MalformedRecordException("time out of range '" + s + "'");
        }
        if (second == 60) { // a leap second: the instant right before the next minute
            second = 59;
            fraction = 0.999;
        }
        while (c.peek() == ' ') {
            c.index++;
        }
        int offsetSeconds;
        if (c.atEnd()) {
            if (!defaultZoneIsUtc) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second).atZone(defaultZone).toEpochSecond()
                            + fraction;
                } catch (DateTimeException e) {
                    throw new MalformedRecordException("bad time '" + s + "': " + e.getMessage());
                }
            }
            offsetSeconds = 0;
        } else {
            offsetSeconds = c.offset(s);
        }
        if (day > daysInMonth(year, month)) {
            throw new MalformedRecordException("no such date '" + s + "'");
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

    /** A read position in one timestamp text. */
    private static final class Cursor {
        private final String s;
        int index;

        Cursor(String s) {
            this.s = s;
        }

        char peek() {
            return index < s.length() ? s.charAt(index) : '\0';
        }

        boolean atEnd() {
            return index >= s.length();
        }

        int digits(int count, String what) throws MalformedRecordException {
            if (index + count > s.length()) {
                throw bad(what);
            }
            int value = 0;
            for (int i = 0; i < count; i++) {
                char ch = s.charAt(index + i);
                if (ch < '0' || ch > '9') {
                    throw bad(what);
                }
                value = value * 10 + (ch - '0');
            }
            index += count;
            return value;
        }

        double fraction() throws MalformedRecordException {
            double value = 0;
            double scale = 0.1;
            int start = index;
            while (index < s.length() && s.charAt(index) >= '0' && s.charAt(index) <= '9') {
                value += (s.charAt(index) - '0') * scale;
                scale /= 10;
                index++;
            }
            if (index == start) {
                throw bad("fraction of a second");
            }
            return value;
        }

        char oneOf(String allowed, String what) throws MalformedRecordException {
            char ch = peek();
            if (ch == '\0' || allowed.indexOf(ch) < 0) {
                throw bad(what);
            }
            index++;
            return ch;
        }

        void expect(char ch, String what) throws MalformedRecordException {
            if (peek() != ch) {
                throw bad(what);
            }
            index++;
        }

        int offset(String text) throws MalformedRecordException {
            String rest = s.substring(index);
            if (rest.equals("Z") || rest.equals("z") || rest.equalsIgnoreCase("UTC") || rest.equalsIgnoreCase("GMT")) {
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
            if (!atEnd()) {
                minutes = digits(2, "zone");
            }
            if (!atEnd() || hours > 18 || minutes > 59) {
                throw new MalformedRecordException("bad zone in time '" + text + "'");
            }
            int seconds = hours * 3600 + minutes * 60;
            return sign == '-' ? -seconds : seconds;
        }

        private MalformedRecordException bad(String what) {
            return new MalformedRecordException("bad time '" + s + "' (at the " + what + ")");
        }
    }
}
