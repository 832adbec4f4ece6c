package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NmeaSentenceTest {
    /** A sentence with its checksum appended. */
    private static String sentence(String body) {
        int sum = 0;
        for (char c : body.toCharArray()) {
            sum ^= c;
        }
        return "$" + body + "*" + String.format("%02X", sum);
    }

    /** Every field, and the empty text one past the last, must be what splitting the body at its commas gives. */
    @Test
    void field_eachSplitAsTheCommasSay() throws Exception {
        List<String> bodies = List.of("GPRMC,080000.00,A,4916.45,N,12311.12,W,000.5,054.7,191194,020.3,E",
                "GNGGA,,,,,,0,,,,,,,,", "GPVTG,054.7,T,034.4,M,005.5,N,010.2,K,A", "GPRMC", "GPRMC,", "GPRMC,,",
                "PGRME,15.0,M,45.0,M,25.0,M", "GP,1,2", "GNRMC,1,,3,");
        for (String body : bodies) {
            NmeaSentence parsed = NmeaSentence.parse(sentence(body));
            String[] parts = body.split(",", -1);
            String address = parts[0];
            for (int i = 1; i <= parts.length + 1; i++) {
                String expected = i < parts.length ? parts[i] : "";
                assertEquals(expected, parsed.field(i - 1), body + " field " + (i - 1));
            }
            boolean known = address.length() >= 5 && address.charAt(0) != 'P';
            assertEquals(known ? address.substring(address.length() - 3) : address, parsed.type(), body);
            assertEquals(known ? address.substring(0, address.length() - 3) : "", parsed.talker(), body);
        }
    }

    @Test
    void parse_badChecksumOrNone_refusedWithTheReason() {
        assertEquals("NMEA sentence without checksum (cut short?)",
                assertThrows(MalformedRecordException.class, () -> NmeaSentence.parse("$GPRMC,1,2")).getMessage());
        String computed = sentence("GPRMC,1,2").substring("$GPRMC,1,2*".length());
        assertEquals("NMEA checksum mismatch (computed " + computed + ", sentence says 0A)",
                assertThrows(MalformedRecordException.class, () -> NmeaSentence.parse("$GPRMC,1,2*0a")).getMessage());
        assertEquals("not an NMEA sentence",
                assertThrows(MalformedRecordException.class, () -> NmeaSentence.parse("GPRMC,1*00")).getMessage());
    }
}
