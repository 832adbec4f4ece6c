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
}
