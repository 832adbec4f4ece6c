package dev.drivelog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The table's rows are written without a Formatter; they must be what the pattern gave. */
class TripTableTest {
    private static final String ROW = "%-44s %8s %9s %8s  %s%n";

    @Test
    void fixed_isWhatFormatGives() {
        double[] values = {0, -0.0, 0.005, 0.015, 0.125, 1.005, 2.675, 99.995, 99999.995, 1e-9, 123456789.125, 0.5,
            1.45, 1e20, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, -1.005};
        for (double value : values) {
            for (int decimals = 1; decimals <= 2; decimals++) {
                assertEquals(String.format(Locale.ROOT, "%." + decimals + "f", value), TripTable.fixed(value, decimals),
                        value + " to " + decimals);
            }
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double value = i % 2 == 0 ? random.nextDouble() * 300 : Math.round(random.nextDouble() * 1e6) / 1e3 + 0.0005;
            assertEquals(String.format(Locale.ROOT, "%.2f", value), TripTable.fixed(value, 2), Double.toString(value));
            assertEquals(String.format(Locale.ROOT, "%.1f", value * 100), TripTable.fixed(value * 100, 1), Double.toString(value));
        }
    }

    @Test
    void row_isWhatThePatternGives() {
        TripTable table = new TripTable(new PrintWriter(new StringWriter()));
        String[][] rows = {{"veh-1000/2026-11-21T08:00:00Z", "12.34", "99.5%", "speeding=2 stop_sign=1"},
            {"a-trip-id-longer-than-the-forty-four-columns-of-its-field", "123456789.00", "100.0%", "-"},
            {"", "0.00", "0.0%", ""}, {"渋谷-1", "1.00", "50.0%", "wrong_way=1"}};
        for (String[] row : rows) {
            for (long points : new long[] {0, 7, 12_345_678, 1_234_567_890L}) {
                assertEquals(String.format(Locale.ROOT, ROW, row[0], points, row[1], row[2], row[3]),
                        table.row(row[0], points, row[1], row[2], row[3]));
            }
        }
    }
}
