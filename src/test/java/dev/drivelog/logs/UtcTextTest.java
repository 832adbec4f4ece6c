package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written time text against the JDK's formatters and Instant.toString, which wrote it before (byte for byte). */
class UtcTextTest {
    private static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final long DAY_SECONDS = 86_400;

    private static void assertSame(long epochSecond) {
        assertEquals(ISO_SECONDS.format(Instant.ofEpochSecond(epochSecond)), UtcText.isoSeconds(epochSecond),
                "second " + epochSecond);
        assertEquals(DAY.format(Instant.ofEpochSecond(epochSecond)), UtcText.day(epochSecond), "second " + epochSecond);
    }

    /** Where the formatter itself throws (a date beyond LocalDate's years), the new text throws the same. */
    private static void assertBothThrow(long epochSecond) {
        assertThrows(DateTimeException.class, () -> ISO_SECONDS.format(Instant.ofEpochSecond(epochSecond)));
        assertThrows(DateTimeException.class, () -> UtcText.isoSeconds(epochSecond));
        assertThrows(DateTimeException.class, () -> DAY.format(Instant.ofEpochSecond(epochSecond)));
        assertThrows(DateTimeException.class, () -> UtcText.day(epochSecond));
    }

    @Test
    void everyDayFrom1970To2100_firstLastAndAnInnerSecond_matchTheFormatter() {
        long first = LocalDate.of(1970, 1, 1).toEpochDay();
        long last = LocalDate.of(2100, 12, 31).toEpochDay();
        for (long day = first; day <= last; day++) {
            long start = day * DAY_SECONDS;
            assertSame(start);
            assertSame(start + DAY_SECONDS - 1);
            assertSame(start + (day * 7_919) % DAY_SECONDS); // walks through the hours, minutes and seconds
        }
    }

    @Test
    void leapDaysAndCenturies_matchTheFormatter() {
        for (int year : new int[] {0, 4, 100, 400, 1600, 1700, 1900, 1968, 1972, 2000, 2024, 2100, 2400, 9996}) {
            for (String monthDay : new String[] {"-02-28", "-03-01", "-12-31"}) {
                long day = LocalDate.parse(String.format("%04d", year) + monthDay).toEpochDay();
                assertSame(day * DAY_SECONDS);
                assertSame(day * DAY_SECONDS + DAY_SECONDS - 1);
            }
        }
        long leapDay = LocalDate.of(2024, 2, 29).toEpochDay() * DAY_SECONDS;
        assertEquals("2024-02-29T23:59:59Z", UtcText.isoSeconds(leapDay + DAY_SECONDS - 1));
        assertEquals("2024-02-29", UtcText.day(leapDay));
    }

    @Test
    void secondsBeforeTheEpochAndAtTheFourDigitYearsEdges_matchTheFormatter() {
        long firstPlain = LocalDate.of(0, 1, 1).toEpochDay() * DAY_SECONDS;
        long endPlain = LocalDate.of(10_000, 1, 1).toEpochDay() * DAY_SECONDS;
        for (long second : new long[] {-1, -DAY_SECONDS, -DAY_SECONDS - 1, firstPlain - 1, firstPlain, firstPlain + 1,
                endPlain - 1, endPlain, endPlain + 1, LocalDate.MIN.toEpochDay() * DAY_SECONDS,
                LocalDate.MAX.toEpochDay() * DAY_SECONDS + DAY_SECONDS - 1}) {
            assertSame(second);
        }
        assertBothThrow(Instant.MIN.getEpochSecond());
        assertBothThrow(Instant.MAX.getEpochSecond());
        assertBothThrow(Long.MAX_VALUE);
        Random random = new Random(14);
        for (int i = 0; i < 200_000; i++) { // years -20000 to 20000, the signed ones through the formatter
            assertSame(random.nextLong(-20_000L * 366 * DAY_SECONDS, 20_000L * 366 * DAY_SECONDS));
        }
    }

    @Test
    void day_afterAnotherDay_isNotTheRememberedOne() {
        long day = LocalDate.of(2026, 11, 21).toEpochDay() * DAY_SECONDS;
        assertEquals("2026-11-21", UtcText.day(day));
        assertEquals("2026-11-21", UtcText.day(day + 5));
        assertEquals("2026-11-22", UtcText.day(day + DAY_SECONDS));
        assertEquals("2026-11-21", UtcText.day(day + DAY_SECONDS - 1));
        assertEquals("0000-01-01", UtcText.day(LocalDate.of(0, 1, 1).toEpochDay() * DAY_SECONDS));
    }

    @Test
    void isoMillis_everyDayFrom1970To2100AndAroundTheEpoch_matchesInstantToString() {
        Random random = new Random(21);
        long first = LocalDate.of(1970, 1, 1).toEpochDay();
        long last = LocalDate.of(2100, 12, 31).toEpochDay();
        for (long day = first; day <= last; day++) {
            long start = day * DAY_SECONDS * 1000;
            for (long milli : new long[] {start, start + 1, start + 10, start + 100, start + 999, start + 86_399_999,
                    start + random.nextLong(86_400_000), start - 1}) {
                assertEquals(Instant.ofEpochMilli(milli).toString(), UtcText.isoMillis(milli), "milli " + milli);
            }
        }
        for (int i = 0; i < 200_000; i++) { // years -20000 to 20000, the signed ones through Instant
            long milli = random.nextLong(-20_000L * 366 * DAY_SECONDS * 1000, 20_000L * 366 * DAY_SECONDS * 1000);
            assertEquals(Instant.ofEpochMilli(milli).toString(), UtcText.isoMillis(milli), "milli " + milli);
        }
        for (long milli : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -1, -999, -1000, -1001}) {
            assertEquals(Instant.ofEpochMilli(milli).toString(), UtcText.isoMillis(milli), "milli " + milli);
        }
    }

    @Test
    void tripSplitterIsoTime_roundedToTheMillisecond_matchesWhatInstantWrote() {
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            double time = i % 2 == 0 ? 1.7e9 + random.nextInt(200_000_000) + random.nextInt(1000) / 1000.0
                    : (random.nextDouble() - 0.3) * 4.2e9;
            assertEquals(Instant.ofEpochMilli(Math.round(time * 1000)).toString(), TripSplitter.isoTime(time),
                    Double.toString(time));
        }
        assertEquals("1970-01-01T00:00:00Z", TripSplitter.isoTime(Double.NaN));
        assertEquals("2026-11-19T08:05:00.500Z", TripSplitter.isoTime(1_795_075_500.4996));
    }
}
