package dev.drivelog.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The finding columns' times (start_time_iso, end_time_iso, dt=) against what the JDK's formatters wrote before. */
class ViolationColumnsTimeTest {
    private static final DateTimeFormatter ISO_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** What ViolationColumns wrote before: the time rounded down to the second, through the formatter. */
    private static String oldIsoSeconds(double epochSeconds) {
        return Double.isFinite(epochSeconds)
                ? ISO_SECONDS.format(Instant.ofEpochSecond((long) Math.floor(epochSeconds))) : null;
    }

    private static String oldDay(double epochSeconds) {
        return DAY.format(Instant.ofEpochSecond((long) Math.floor(epochSeconds)));
    }

    @Test
    void violationColumns_subSecondAndOddTimes_matchWhatTheFormatterWrote() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double time = switch (i % 4) {
                case 0 -> 1.7e9 + random.nextInt(200_000_000) + random.nextInt(1000) / 1000.0; // as the engine rounds
                case 1 -> random.nextDouble() * 4.2e9; // 1970-2103, any fraction
                case 2 -> -random.nextDouble() * 2.2e9; // before the epoch: rounded down, not toward zero
                default -> Math.floor(random.nextDouble() * 4.2e9) + (random.nextBoolean() ? 0.999999 : 1e-6);
            };
            assertEquals(oldIsoSeconds(time), ViolationColumns.isoSeconds(time), Double.toString(time));
            assertEquals(oldDay(time), ViolationColumns.day(time), Double.toString(time));
        }
        for (double time : new double[] {-0.5, -0.0, 0.0, 0.5, 86_399.999_999, -86_400.000_001, 951_782_400.0,
                1_795_161_900.5}) {
            assertEquals(oldIsoSeconds(time), ViolationColumns.isoSeconds(time), Double.toString(time));
            assertEquals(oldDay(time), ViolationColumns.day(time), Double.toString(time));
        }
        assertEquals("1969-12-31T23:59:59Z", ViolationColumns.isoSeconds(-0.5));
    }

    @Test
    void violationColumns_timesThatAreNoSecond_keepTheOldAnswers() {
        assertNull(ViolationColumns.isoSeconds(Double.NaN));
        assertNull(ViolationColumns.isoSeconds(Double.POSITIVE_INFINITY));
        assertEquals(oldDay(Double.NaN), ViolationColumns.day(Double.NaN)); // the cast makes NaN second 0
        assertEquals("1970-01-01", ViolationColumns.day(Double.NaN));
        assertThrows(DateTimeException.class, () -> oldDay(Double.POSITIVE_INFINITY));
        assertThrows(DateTimeException.class, () -> ViolationColumns.day(Double.POSITIVE_INFINITY));
        assertThrows(DateTimeException.class, () -> ViolationColumns.day(Double.NEGATIVE_INFINITY));
        assertThrows(DateTimeException.class, () -> ViolationColumns.day(1e300));
    }
}
