package dev.drivelog.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.drivelog.analysis.result.Violation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * One finding's columns ({@link ViolationColumns}) encoded once as a JSON object's UTF-8 text, then copied
 * into both files that carry them: the GeoJSON point's properties and the Athena row. Each file used to
 * encode the same columns again, field by field (docs/BENCHMARKS.md, "The result's round trip"). The text
 * is what writing the columns on either file's generator gives, byte for byte: the same factory
 * settings, and a root object with no separator before it. Reused finding after finding by one
 * {@link ResultFiles}; not thread safe.
 */
final class EncodedColumns {
    private final Bytes bytes = new Bytes();
    private final JsonGenerator json;

    EncodedColumns() throws IOException {
        json = ResultJson.generator(bytes);
        // Each finding is a root value of its own: no separator between them.
        json.setRootValueSeparator(null);
    }

    /** Encodes {@code finding}'s columns, replacing the last finding's text. */
    void encode(String input, String vehicleId, String tripId, String category, Violation finding) throws IOException {
        bytes.reset();
        json.writeStartObject();
        ViolationColumns.write(json, input, vehicleId, tripId, category, finding);
        json.writeEndObject();
        json.flush();
    }

    /** The text's buffer: the object is {@code text()[0, length())}; valid until the next {@link #encode}. */
    byte[] text() {
        return bytes.array();
    }

    int length() {
        return bytes.size();
    }

    /** Gives the generator's buffers back; the text is gone. */
    void close() throws IOException {
        json.close();
    }

    /** A byte sink whose array is read in place rather than copied by {@code toByteArray}. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes() {
            super(1024);
        }

        byte[] array() {
            return buf;
        }
    }
}
