package dev.drivelog.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainDecimalTest {
    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, 1.0, -1.0, 0.5, 13.4123456, 1795161900.5, 1795161900.0, 1e7, 9999999.999, 1e-3,
            9.99e-4, 1.0e-5, -2.5e-10, 12345678.0, 1e22, 1e23, 123456789012345680000.0, Double.MIN_VALUE,
            Double.MAX_VALUE, -Double.MAX_VALUE, 4.9e-324, 100.0, 0.1, 1763712000000.0})
    void of_valuesAtTheNotationBoundaries_matchBigDecimalPlain(double value) {
        assertEquals(BigDecimal.valueOf(value).toPlainString(), PlainDecimal.of(value), Double.toString(value));
    }

    @Test
    void of_randomDoublesOfEveryMagnitude_matchBigDecimalPlain() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double value = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong()); // any bit pattern
                case 1 -> (random.nextDouble() - 0.5) * 360; // coordinates
                case 2 -> 1.7e9 + random.nextInt(100_000_000) + random.nextInt(1000) / 1000.0; // times
                default -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
            };
            if (Double.isFinite(value)) {
                assertEquals(BigDecimal.valueOf(value).toPlainString(), PlainDecimal.of(value), Double.toString(value));
            }
        }
    }

    @Test
    void of_numbersTheEngineRounded_takeTheFewDigitsPathAndMatchBigDecimalPlain() {
        // As json_writer.cpp rounds them: coordinates to 7 decimals, times to 3, speeds and distances to 1.
        Random random = new Random(14);
        for (int i = 0; i < 300_000; i++) {
            int decimals = random.nextInt(10);
            double magnitude = Math.pow(10, random.nextInt(15 - decimals) - random.nextInt(4));
            double scale = Math.pow(10, decimals);
            double value = Math.round((random.nextDouble() * 2 - 1) * magnitude * scale) / scale;
            if (value == 0) {
                continue;
            }
            String expected = BigDecimal.valueOf(value).toPlainString();
            assertEquals(expected, PlainDecimal.fewDigits(value), Double.toString(value));
            assertEquals(expected, PlainDecimal.of(value), Double.toString(value));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-4, 2e-9, -3e-5, 0.00012, 0.001, 9.99e-4, 1e7, 12345678.0, 1795161900.5, 999999999999999.0,
            9999999.0, 0.5, 52.5161234, -13.3779001})
    void fewDigits_atTheNotationBoundaries_matchesBigDecimalPlain(double value) {
        assertEquals(BigDecimal.valueOf(value).toPlainString(), PlainDecimal.fewDigits(value), Double.toString(value));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1 + 0.2, 1e15, 1e-10, 1.0 / 3, 13.41234567891})
    void fewDigits_numbersOfMoreDigits_areLeftToTheShortestDigits(double value) {
        assertEquals(null, PlainDecimal.fewDigits(value), Double.toString(value));
        assertEquals(BigDecimal.valueOf(value).toPlainString(), PlainDecimal.of(value));
    }
}
