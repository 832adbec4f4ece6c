package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampParserTest {
    private final TimestampParser utc = new TimestampParser(ZoneId.of("UTC"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-11-21T08:00:00Z         | 2026-11-21T08:00:00Z",
            "2026-11-21 08:00:00          | 2026-11-21T08:00:00Z",
            "2026-11-21T08:00             | 2026-11-21T08:00:00Z",
            "2026-11-21T08:00:00.250Z     | 2026-11-21T08:00:00.250Z",
            "2026-11-21T08:00:00,5Z       | 2026-11-21T08:00:00.500Z",
            "2026-11-21T09:30:00+01:30    | 2026-11-21T08:00:00Z",
            "2026-11-21T03:00:00-0500     | 2026-11-21T08:00:00Z",
            "2026-11-21T10:00:00+02       | 2026-11-21T08:00:00Z",
            "2026-11-21 08:00:00 UTC      | 2026-11-21T08:00:00Z",
            "2026/11/21 08:00:00          | 2026-11-21T08:00:00Z",
            "2024-02-29T23:59:59Z         | 2024-02-29T23:59:59Z",
            "1763712000                   | 2025-11-21T08:00:00Z",
            "1763712000.5                 | 2025-11-21T08:00:00.500Z",
            "1763712000000                | 2025-11-21T08:00:00Z",
            "1763712000000000             | 2025-11-21T08:00:00Z",
    })
    void parse_supportedShapes_giveEpochSeconds(String text, String expected) throws Exception {
        double seconds = utc.parse(text);
        assertEquals(Instant.parse(expected).toEpochMilli(), Math.round(seconds * 1000), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "yesterday", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-21T25:00:00Z",
            "2026-11-21T08:00:00Q", "2026-11-21", "2026-11-21T08:00:00+25:00", "12:00:00"
    })
    void parse_invalid_isMalformed(String text) {
        assertThrows(MalformedRecordException.class, () -> utc.parse(text));
    }

    @Test
    void parse_noZoneWithConfiguredZone_usesItsRulesIncludingSummerTime() throws Exception {
        TimestampParser berlin = new TimestampParser(ZoneId.of("Europe/Berlin"));
        assertEquals(Instant.parse("2026-01-15T11:00:00Z").getEpochSecond(), berlin.parse("2026-01-15 12:00:00"));
        assertEquals(Instant.parse("2026-07-15T10:00:00Z").getEpochSecond(), berlin.parse("2026-07-15 12:00:00"));
        assertEquals(Instant.parse("2026-07-15T12:00:00Z").getEpochSecond(), berlin.parse("2026-07-15T12:00:00Z"),
                "an explicit zone wins");
    }

    @Test
    void daysFromCivil_matchesJavaTime() {
        for (int year : new int[] {1970, 1999, 2000, 2024, 2100}) {
            for (int month = 1; month <= 12; month++) {
                assertEquals(java.time.LocalDate.of(year, month, 28).toEpochDay(),
                        TimestampParser.daysFromCivil(year, month, 28));
            }
        }
    }

    /**
     * Every shape the reader accepts, for many instants, against java.time: separators T, t and space,
     * dates with - and /, with and without seconds, fractions of 1-9 digits after . or ,, zones Z, z,
     * UTC, GMT, +hh, +hhmm, +hh:mm and none (the configured zone, here also Europe/Berlin with its
     * summer time); read as a String and as bytes in a buffer (AsciiText), which must agree exactly.
     */
    @Test
    void parse_everyAcceptedShape_agreesWithJavaTimeAsStringAndAsBytes() throws Exception {
        java.util.Random random = new java.util.Random(14);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        TimestampParser inBerlin = new TimestampParser(berlin);
        AsciiText view = new AsciiText();
        String[] zones = {"Z", "z", "UTC", " UTC", "GMT", "+01", "-05", "+0530", "-0330", "+01:00", "-11:30", "+14:00", ""};
        for (int i = 0; i < 20_000; i++) {
            long epochSecond = Instant.parse("1971-01-01T00:00:00Z").getEpochSecond()
                    + (long) (random.nextDouble() * (Instant.parse("2099-12-31T00:00:00Z").getEpochSecond() - 31_536_000L));
            int fractionDigits = random.nextInt(10);
            long fraction = fractionDigits == 0 ? 0 : (long) (random.nextDouble() * Math.pow(10, fractionDigits));
            boolean seconds = fractionDigits > 0 || random.nextBoolean();
            String zone = zones[random.nextInt(zones.length)];
            java.time.ZoneOffset offset = zone.isBlank() || zone.strip().matches("[ZzUTCGM]+")
                    ? java.time.ZoneOffset.UTC : java.time.ZoneOffset.of(zone.length() == 3 ? zone + ":00" : zone);
            java.time.LocalDateTime local = java.time.LocalDateTime.ofEpochSecond(epochSecond, 0, offset);
            if (!seconds) {
                local = local.withSecond(0);
            }
            String date = random.nextBoolean() ? local.toLocalDate().toString() : local.toLocalDate().toString().replace('-', '/');
            char separator = "T t".charAt(random.nextInt(3));
            String time = String.format(java.util.Locale.ROOT, "%02d:%02d", local.getHour(), local.getMinute())
                    + (seconds ? String.format(java.util.Locale.ROOT, ":%02d", local.getSecond()) : "")
                    + (fractionDigits > 0 ? (random.nextBoolean() ? "." : ",")
                            + String.format(java.util.Locale.ROOT, "%0" + fractionDigits + "d", fraction) : "");
            String text = (random.nextInt(8) == 0 ? " " : "") + date + separator + time + zone;
            double fractionSeconds = fractionDigits == 0 ? 0 : fraction / Math.pow(10, fractionDigits);

            double expectedUtc = local.toEpochSecond(offset) + fractionSeconds;
            assertEquals(expectedUtc, utc.parse(text), 1e-6, text);
            assertEquals(Double.doubleToLongBits(utc.parse(text)), Double.doubleToLongBits(utc.parse(bytes(view, text))), text);
            double expectedBerlin = zone.isEmpty() ? local.atZone(berlin).toEpochSecond() + fractionSeconds : expectedUtc;
            assertEquals(expectedBerlin, inBerlin.parse(text), 1e-6, text);
            assertEquals(Double.doubleToLongBits(inBerlin.parse(text)), Double.doubleToLongBits(inBerlin.parse(bytes(view, text))),
                    text);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1795248000       | 1795248000",
            "1795248000.25    | 1795248000.25",
            "1795248000250    | 1795248000.25",
            "1795248000250000 | 1795248000.25",
            "1.79524800025e9  | 1795248000.25",
            "-86400           | -86400",
    })
    void parse_epochNumbers_giveSecondsAsStringAndAsBytes(String text, double expected) throws Exception {
        assertEquals(expected, utc.parse(text), 1e-9, text);
        assertEquals(expected, utc.parse(bytes(new AsciiText(), text)), 1e-9, text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "yesterday", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-21T25:00:00Z",
            "2026-11-21T08:00:00Q", "2026-11-21", "2026-11-21T08:00:00+25:00", "12:00:00", "2026-11-21T08:00:00.Z",
            "1795248000x", "2026-11-21T08:00:00+01:0", "'  '"
    })
    void parse_invalidAsBytes_failsWithTheMessageOfTheString(String text) {
        String given = text.equals("'  '") ? "  " : text;
        MalformedRecordException asString = assertThrows(MalformedRecordException.class, () -> utc.parse(given));
        MalformedRecordException asBytes = assertThrows(MalformedRecordException.class,
                () -> utc.parse(bytes(new AsciiText(), given)));
        assertEquals(asString.getMessage(), asBytes.getMessage());
    }

    /** The text as bytes in the middle of a larger buffer, as a reader holds a field of its line. */
    private static AsciiText bytes(AsciiText view, String text) {
        byte[] line = ("xx," + text + ",yy").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return view.set(line, 3, 3 + text.length());
    }
}
