package dev.drivelog.logs;

/**
 * NmeaLogParser's field readers (timeOfDay, day, degrees, number) over a field's ASCII bytes, each
 * the same steps and arithmetic as its String twin. Where the String reader would throw, or would
 * hand a number to Double.parseDouble, these return a "declined" mark (NaN; {@link #NO_DAY} for a
 * date) and the caller reads the whole sentence the String way, which then decides (value or message).
 */
final class NmeaFieldBytes {
    static final long NO_DAY = Long.MIN_VALUE;

    private NmeaFieldBytes() {
    }

    /** hhmmss[.sss] to seconds of the day, or NaN. */
    static double timeOfDay(byte[] b, int from, int to) {
        if (to - from < 6) {
            return Double.NaN;
        }
        int h = twoDigits(b, from);
        int m = twoDigits(b, from + 2);
        if (h < 0 || m < 0) {
            return Double.NaN;
        }
        double s = DecimalParser.parseFastOrNaN(b, from + 4, to);
        if (h > 23 || m > 59 || !(s >= 0 && s < 61)) {
            return Double.NaN; // NaN too
        }
        return h * 3600 + m * 60 + s;
    }

    /** ddmmyy to days since the epoch (years 1980-2079), or {@link #NO_DAY}. */
    static long day(byte[] b, int from, int to) {
        if (to - from != 6) {
            return NO_DAY;
        }
        int d = twoDigits(b, from);
        int mo = twoDigits(b, from + 2);
        int y = twoDigits(b, from + 4);
        if (d < 0 || mo < 0 || y < 0 || d < 1 || d > 31 || mo < 1 || mo > 12) {
            return NO_DAY;
        }
        return TimestampParser.daysFromCivil(y < 80 ? 2000 + y : 1900 + y, mo, d);
    }

    /** (d)ddmm.mmmm to degrees, or NaN. */
    static double degrees(byte[] b, int from, int to, int degreeDigits) {
        if (to - from < degreeDigits + 2) {
            return Double.NaN;
        }
        double deg = DecimalParser.parseFastOrNaN(b, from, from + degreeDigits);
        double min = DecimalParser.parseFastOrNaN(b, from + degreeDigits, to);
        if (Double.isNaN(deg) || !(min >= 0 && min < 60)) {
            return Double.NaN;
        }
        return deg + min / 60;
    }

    /** A plain decimal, or NaN (empty, or anything DecimalParser leaves to Double.parseDouble). */
    static double number(byte[] b, int from, int to) {
        return DecimalParser.parseFastOrNaN(b, from, to);
    }

    private static int twoDigits(byte[] b, int at) {
        byte x = b[at];
        byte y = b[at + 1];
        if (x < '0' || x > '9' || y < '0' || y > '9') {
            return -1;
        }
        return (x - '0') * 10 + (y - '0');
    }
}
