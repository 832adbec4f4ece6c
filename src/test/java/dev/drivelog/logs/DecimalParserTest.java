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

    @Test
    void parse_bytesInABuffer_bitIdenticalToTheString() {
        Random random = new Random(2);
        AsciiText view = new AsciiText();
        String[] shapes = {"%.7f", "%.2f", "%.0f", "%e", "%.12f", "%+.3f"};
        for (int i = 0; i < 100_000; i++) {
            String text = String.format(java.util.Locale.ROOT, shapes[random.nextInt(shapes.length)],
                    (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12)));
            byte[] line = ("12," + text + ",34").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertEquals(Double.doubleToRawLongBits(DecimalParser.parse(text)),
                    Double.doubleToRawLongBits(DecimalParser.parse(view.set(line, 3, 3 + text.length()))), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "1.2.3", "north", "1,5", "+"})
    void parse_notANumberAsBytes_throwsLikeDoubleParseDouble(String text) {
        AsciiText view = new AsciiText().set(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, text.length());
        assertThrows(NumberFormatException.class, () -> DecimalParser.parse(view));
    }

    /** The byte fast path: parse's value to the bit where it decides, NaN exactly where parse goes to Double.parseDouble. */
    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "36", "+7.5", "52.512345", ".5", "5.", "0.0000000000000000000001", "00000012.50",
            "9007199254740991", "1234567890123456"})
    void parseFastOrNaN_plainDecimals_sameBitsAsParse(String text) {
        byte[] line = ("x" + text + "y").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(Double.doubleToRawLongBits(DecimalParser.parse(text)),
                Double.doubleToRawLongBits(DecimalParser.parseFastOrNaN(line, 1, 1 + text.length())), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "+", "1.2.3", "1e5", "-2.5E-3", "NaN", "Infinity", "1234567890123456789",
            "123456789012345678", "9007199254740993", "0.00000000000000000000001", " 1", "1 ", "1,5", "--1"})
    void parseFastOrNaN_whatParseLeavesToDoubleParseDouble_isNaN(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(Double.NaN, DecimalParser.parseFastOrNaN(bytes, 0, bytes.length), text);
    }

    @Test
    void parseFastOrNaN_randomNumbers_sameBitsAsParseWhereItDecides() {
        Random random = new Random(3);
        String[] shapes = {"%.7f", "%.2f", "%.0f", "%e", "%.12f", "%+.3f", "%.20f"};
        int decided = 0;
        for (int i = 0; i < 100_000; i++) {
            String text = String.format(java.util.Locale.ROOT, shapes[random.nextInt(shapes.length)],
                    (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(16)));
            byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            double fast = DecimalParser.parseFastOrNaN(bytes, 0, bytes.length);
            if (!Double.isNaN(fast)) {
                decided++;
                assertEquals(Double.doubleToRawLongBits(DecimalParser.parse(text)), Double.doubleToRawLongBits(fast), text);
            }
        }
        assertEquals(true, decided > 50_000, "the fast path decided " + decided);
    }
}
