package dev.drivelog.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * The JSON mapper every writer uses: numbers in plain notation (times as {@code 1795161900.5},
 * not {@code 1.7951619005E9}, which some readers of the files mishandle) and non-finite numbers as
 * null (JSON has no NaN). Thread safe; shared.
 */
final class ResultJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("plain-doubles")
                    .addSerializer(Double.class, new PlainDoubleSerializer())
                    .addSerializer(double.class, new PlainDoubleSerializer()))
            // Writers stream many values into one generator; flushing after each would cost a syscall.
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .build();

    /** A generator over {@code out} that writes objects with {@link #MAPPER}; closing it closes {@code out}. */
    static JsonGenerator generator(java.io.OutputStream out) throws IOException {
        return MAPPER.getFactory().createGenerator(out);
    }

    private ResultJson() {}

    /** Writes a double as a plain decimal ({@link PlainDecimal}), or null when it is NaN or infinite. */
    static void writeNumber(JsonGenerator json, double value) throws IOException {
        if (!Double.isFinite(value)) {
            json.writeNull();
            return;
        }
        if (value != 0) {
            // Nearly every number: one the engine rounded, written from a reused buffer, no String.
            char[] text = DIGITS.get();
            int length = PlainDecimal.fewDigits(value, text);
            if (length > 0) {
                json.writeNumber(text, 0, length);
                return;
            }
        }
        json.writeNumber(PlainDecimal.of(value));
    }

    /** Per thread: a generator is written by one thread at a time, and the text is copied out at once. */
    private static final ThreadLocal<char[]> DIGITS = ThreadLocal.withInitial(() -> new char[PlainDecimal.MAX_LENGTH]);

    private static final class PlainDoubleSerializer extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        PlainDoubleSerializer() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator json, SerializerProvider provider) throws IOException {
            writeNumber(json, value);
        }
    }
}
