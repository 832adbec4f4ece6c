package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "36", "+7.5", "52.512345", "-13.4123456789", ".5", "5.", "0.1", "0.3",
            "1763712000000", "123456789012345678", "1234567890123456789", "0.0000000000000000000001", "1e5",
            "-2.5E-3", "NaN", "Infinity", "9007199254740993", "00000012.50"})
    void parse_matchesDoubleParseDouble(String text) {
        assertEquals(Double.parseDouble(text), DecimalParser.parse(text), text);
    }

    @Test
    void parse_randomCoordinates_bitIdenticalToDoubleParseDouble() {
        Random random = new Random(1);
        for (int i = 0; i < 200_000; i++) {
            String text = String.format(java.util.Locale.ROOT, "%." + random.nextInt(12) + "f",
                    (random.nextDouble() - 0.5) * 360);
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
                    Double.doubleToRawLongBits(DecimalParser.parse(text)), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "1.2.3", "north", "1,5", "+"})
    void parse_notANumber_throwsLikeDoubleParseDouble(String text) {
        assertThrows(NumberFormatException.class, () -> DecimalParser.parse(text));
    }
}
