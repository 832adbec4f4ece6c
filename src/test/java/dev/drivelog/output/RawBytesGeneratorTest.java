package dev.drivelog.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Raw bytes written as a value against Jackson's own raw value from a String: the same output, wherever the buffer stands. */
class RawBytesGeneratorTest {
    @Test
    void writeRawValue_asFieldsAndElements_atEveryFillOfTheBuffer_sameBytesAsJacksons() throws IOException {
        // Values before the raw one fill the buffer to every level around its 8,000 bytes, and raw values
        // from a few bytes to several buffers long are placed across its end.
        for (int filler : new int[] {0, 1, 7_950, 7_990, 7_997, 8_000, 8_010, 15_990}) {
            for (int rawLength : new int[] {2, 40, 511, 512, 513, 7_999, 8_001, 30_000}) {
                String raw = arrayText(rawLength);
                byte[] source = ("xx" + raw + "yy").getBytes(StandardCharsets.US_ASCII);

                ByteArrayOutputStream ours = new ByteArrayOutputStream();
                try (RawBytesGenerator json = ResultJson.rawBytesGenerator(ours)) {
                    write(json, filler, () -> json.writeRawValue(source, 2, raw.length()));
                }
                ByteArrayOutputStream jacksons = new ByteArrayOutputStream();
                try (JsonGenerator json = ResultJson.generator(jacksons)) {
                    write(json, filler, () -> json.writeRawValue(raw));
                }

                assertArrayEquals(jacksons.toByteArray(), ours.toByteArray(), filler + " / " + rawLength);
            }
        }
    }

    @Test
    void writeRawValue_whereNoValueMayStand_isRefusedAsJacksonRefusesIt() throws IOException {
        byte[] raw = "[1,2]".getBytes(StandardCharsets.US_ASCII);
        try (RawBytesGenerator json = ResultJson.rawBytesGenerator(new ByteArrayOutputStream())) {
            json.writeStartObject();

            assertThrows(JsonGenerationException.class, () -> json.writeRawValue(raw, 0, raw.length));
        }
    }

    @Test
    void writeRawMembers_afterAMember_atEveryFillOfTheBuffer_sameBytesAsWritingTheFields() throws IOException {
        for (int filler : new int[] {0, 1, 7_950, 7_990, 7_997, 7_998, 7_999, 8_000, 8_010, 15_990}) {
            for (int members : new int[] {1, 3, 40, 700, 3_000}) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < members; i++) {
                    text.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
                }
                byte[] source = ("{" + text + "}").getBytes(StandardCharsets.US_ASCII);

                ByteArrayOutputStream ours = new ByteArrayOutputStream();
                try (RawBytesGenerator json = ResultJson.rawBytesGenerator(ours)) {
                    json.writeStartObject();
                    json.writeStringField("filler", "f".repeat(filler));
                    json.writeRawMembers(source, 1, source.length - 2);
                    json.writeNumberField("after", 1);
                    json.writeEndObject();
                }
                ByteArrayOutputStream jacksons = new ByteArrayOutputStream();
                try (JsonGenerator json = ResultJson.generator(jacksons)) {
                    json.writeStartObject();
                    json.writeStringField("filler", "f".repeat(filler));
                    for (int i = 0; i < members; i++) {
                        json.writeNumberField("k" + i, i);
                    }
                    json.writeNumberField("after", 1);
                    json.writeEndObject();
                }

                assertArrayEquals(jacksons.toByteArray(), ours.toByteArray(), filler + " / " + members);
            }
        }
    }

    @Test
    void writeRawMembers_outsideAnObjectOrBeforeItsFirstMember_isRefused() throws IOException {
        byte[] members = "\"a\":1".getBytes(StandardCharsets.US_ASCII);
        try (RawBytesGenerator json = ResultJson.rawBytesGenerator(new ByteArrayOutputStream())) {
            assertThrows(IllegalStateException.class, () -> json.writeRawMembers(members, 0, members.length));
            json.writeStartArray();
            assertThrows(IllegalStateException.class, () -> json.writeRawMembers(members, 0, members.length));
            json.writeStartObject();
            assertThrows(IllegalStateException.class, () -> json.writeRawMembers(members, 0, members.length));
        }
    }

    private interface RawWrite {
        void write() throws IOException;
    }

    /** An object with a string of {@code filler} characters, the raw value as a field, and in an array beside a number. */
    private static void write(JsonGenerator json, int filler, RawWrite raw) throws IOException {
        json.writeStartObject();
        json.writeStringField("filler", "f".repeat(filler));
        json.writeFieldName("raw");
        raw.write();
        json.writeArrayFieldStart("list");
        json.writeNumber(1);
        raw.write();
        raw.write();
        json.writeEndArray();
        json.writeEndObject();
    }

    /** {@code [[1.5,2.25],...]} about {@code length} bytes long. */
    private static String arrayText(int length) {
        StringBuilder text = new StringBuilder("[[1.5,2.25]");
        while (text.length() + 12 < length) {
            text.append(",[1.5,2.25]");
        }
        String array = text.append(']').toString();
        assertTrue(array.length() <= Math.max(length, 12));
        return array;
    }
}
