package dev.drivelog.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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

    @Test
    void isOwnText_randomTexts_onlyWhereOfWritesTheVerySameText() {
        // Texts of every shape near the rule's edges: signs, leading and trailing zeros, 0-9 integer digits,
        // 0-11 decimals, exponents; where the copy is allowed, the writer's own text must be the same.
        Random random = new Random(70);
        int own = 0;
        for (int i = 0; i < 500_000; i++) {
            StringBuilder text = new StringBuilder();
            if (random.nextBoolean()) {
                text.append('-');
            }
            int integerDigits = random.nextInt(10);
            for (int d = 0; d < integerDigits; d++) {
                text.append((char) ('0' + (random.nextInt(3) == 0 ? 0 : random.nextInt(10))));
            }
            if (integerDigits == 0) {
                text.append('0');
            }
            if (random.nextInt(10) > 0) {
                text.append('.');
                int decimals = random.nextInt(12);
                for (int d = 0; d < decimals; d++) {
                    text.append((char) ('0' + (random.nextInt(3) == 0 ? 0 : random.nextInt(10))));
                }
                if (decimals == 0) {
                    text.append('5');
                }
            }
            if (random.nextInt(20) == 0) {
                text.append('e').append(random.nextInt(20) - 10);
            }
            String value = text.toString();
            byte[] padded = ("[" + value + "]").getBytes(StandardCharsets.US_ASCII);
            if (PlainDecimal.isOwnText(padded, 1, padded.length - 1)) {
                own++;
                double parsed = Double.parseDouble(value);
                assertEquals(value, PlainDecimal.of(parsed), value);
                char[] written = new char[PlainDecimal.MAX_LENGTH];
                assertEquals(value, new String(written, 0, PlainDecimal.fewDigits(parsed, written)), value);
            }
        }
        assertTrue(own > 50_000, "the texts must reach the copy: " + own);
    }

    @Test
    void isOwnText_numbersTheEngineRounded_areTheirOwnTextWhereOfWritesThemPlain() {
        // The converse, for the numbers the copy is for: the writer's text of a rounded number between 0.001
        // and 10^7 with a fraction is one the rule takes, so the shortcut is not left for nothing.
        Random random = new Random(71);
        for (int i = 0; i < 300_000; i++) {
            int decimals = 1 + random.nextInt(9);
            double scale = Math.pow(10, decimals);
            double value = Math.round((random.nextDouble() * 2 - 1) * Math.pow(10, random.nextInt(8)) * scale) / scale;
            String text = PlainDecimal.of(value);
            boolean expected = Math.abs(value) >= 1e-3 && Math.abs(value) < 1e7 && value != Math.rint(value)
                    && text.replace("-", "").replace(".", "").replaceFirst("^0+", "").length() <= 15;
            assertEquals(expected, PlainDecimal.isOwnText(text.getBytes(StandardCharsets.US_ASCII), 0, text.length()), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "12.0", "0", "-0", "0.0", "-0.0", "0.00010", "0.0001", "1e-05", "1.5e3", "012.5", "12345678.5",
            "1.5000", ".5", "5.", "-", "", "1.0123456789", "1234567.123456789", "1.5E3", "+1.5", "1-2.5"})
    void isOwnText_otherNotations_areNotCopied(String text) {
        assertFalse(PlainDecimal.isOwnText(text.getBytes(StandardCharsets.US_ASCII), 0, text.length()), text);
    }
}
