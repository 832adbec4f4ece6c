package dev.drivelog.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * UTC times as text, written once per finding or trip: {@code 2026-11-21T08:05:00Z},
 * {@code 2026-11-21T08:05:00.250Z} and {@code 2026-11-21}. Done by hand from the epoch day because
 * {@link DateTimeFormatter} and {@link Instant#toString} build an Instant, a LocalDateTime, a print
 * context and a StringBuilder per call (about 5 % of Java samples with {@code --matched},
 * docs/BENCHMARKS.md "End to end"). The text is the JDK's, byte for byte (UtcTextTest): years
 * outside 0000-9999, which the JDK writes with a sign, and times that are no Instant at all (it
 * throws) go to the JDK itself. Here beside TimestampParser, which reads such text.
 */
public final class UtcText {
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the seconds with a plain four-digit year. */
    private static final long FIRST_PLAIN = -62_167_219_200L;
    private static final long END_PLAIN = 253_402_300_800L;
    private static final long SECONDS_PER_DAY = 86_400L;

    private static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /**
     * The last day written and its text: findings come in time order, so most of them share it.
     * Immutable, so a thread that sees another thread's (racy) write sees it whole.
     */
    private record Day(long epochDay, String text) {}

    private static Day lastDay = new Day(0, "1970-01-01");

    private UtcText() {}

    /** The UTC day of a second since the epoch, e.g. {@code 2026-11-21}. */
    public static String day(long epochSecond) {
        if (epochSecond < FIRST_PLAIN || epochSecond >= END_PLAIN) {
            return DAY.format(Instant.ofEpochSecond(epochSecond));
        }
        long epochDay = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        Day last = lastDay;
        if (last.epochDay() == epochDay) {
            return last.text();
        }
        byte[] text = new byte[10];
        writeDate(text, epochDay);
        String day = new String(text, StandardCharsets.ISO_8859_1);
        lastDay = new Day(epochDay, day);
        return day;
    }

    /** A second since the epoch in ISO-8601 UTC, e.g. {@code 2026-11-21T08:05:00Z}. */
    public static String isoSeconds(long epochSecond) {
        if (epochSecond < FIRST_PLAIN || epochSecond >= END_PLAIN) {
            return ISO_SECONDS.format(Instant.ofEpochSecond(epochSecond));
        }
        byte[] text = new byte[20];
        writeDateTime(text, epochSecond);
        text[19] = 'Z';
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /**
     * A millisecond since the epoch as {@code Instant.ofEpochMilli(epochMilli).toString()} writes it:
     * {@code 2026-11-21T08:05:00Z}, or {@code 2026-11-21T08:05:00.250Z} where the millisecond is not 0.
     */
    public static String isoMillis(long epochMilli) {
        long epochSecond = Math.floorDiv(epochMilli, 1000L);
        if (epochSecond < FIRST_PLAIN || epochSecond >= END_PLAIN) {
            return Instant.ofEpochMilli(epochMilli).toString();
        }
        int milli = (int) Math.floorMod(epochMilli, 1000L);
        byte[] text = new byte[milli == 0 ? 20 : 24];
        writeDateTime(text, epochSecond);
        if (milli != 0) {
            text[19] = '.';
            text[20] = (byte) ('0' + milli / 100);
            twoDigits(text, 21, milli % 100);
        }
        text[text.length - 1] = 'Z';
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss} into {@code text[0..19)}. */
    private static void writeDateTime(byte[] text, long epochSecond) {
        long epochDay = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int secondOfDay = (int) (epochSecond - epochDay * SECONDS_PER_DAY);
        writeDate(text, epochDay);
        text[10] = 'T';
        twoDigits(text, 11, secondOfDay / 3600);
        text[13] = ':';
        twoDigits(text, 14, secondOfDay / 60 % 60);
        text[16] = ':';
        twoDigits(text, 17, secondOfDay % 60);
    }

    /**
     * {@code yyyy-MM-dd} into {@code text[0..10)}, for a day in years 0000-9999. The proleptic
     * Gregorian calendar in 400-year eras starting on 1 March (H. Hinnant, "chrono-compatible
     * low-level date algorithms", civil_from_days), the calendar java.time uses.
     */
    private static void writeDate(byte[] text, long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        int dayOfEra = (int) (z - era * 146_097);
        int yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int marchMonth = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * marchMonth + 2) / 5 + 1;
        int month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
        int year = (int) (era * 400 + yearOfEra) + (month <= 2 ? 1 : 0);
        twoDigits(text, 0, year / 100);
        twoDigits(text, 2, year % 100);
        text[4] = '-';
        twoDigits(text, 5, month);
        text[7] = '-';
        twoDigits(text, 8, day);
    }

    private static void twoDigits(byte[] text, int at, int value) {
        text[at] = (byte) ('0' + value / 10);
        text[at + 1] = (byte) ('0' + value % 10);
    }
}
