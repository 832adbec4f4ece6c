package dev.drivelog.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * How every writer writes JSON: numbers in plain notation (times as {@code 1795161900.5}, not
 * {@code 1.7951619005E9}, which some readers of the files mishandle) and non-finite numbers as null
 * (JSON has no NaN). The writers write field by field on a bare generator; the mapper, which writes
 * the same bytes for a whole object (TripJsonTest compares them), is built only where an object is
 * written whole. Thread safe; shared.
 */
final class ResultJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final RawBytesGenerator.Factory RAW_FACTORY = new RawBytesGenerator.Factory();

    /**
     * Built on first need: the writers do not need it, and a first ObjectMapper costs a fresh JVM some
     * 30-60 ms (its classes' initialisation and caches), paid by every {@code drivelog analyze} when it
     * was built here at once (docs/BENCHMARKS.md, "Start-up of drivelog analyze").
     */
    private static final class Binding {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .addModule(new SimpleModule("plain-doubles")
                        .addSerializer(Double.class, new PlainDoubleSerializer())
                        .addSerializer(double.class, new PlainDoubleSerializer()))
                // Writers stream many values into one generator; flushing after each would cost a syscall.
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .build();
    }

    /** The mapper that writes a whole object as the writers write it field by field. */
    static ObjectMapper mapper() {
        return Binding.MAPPER;
    }

    /**
     * A generator over {@code out}, the same as the mapper's but without it (the writers write field by
     * field; {@code writeObject} on it is refused: use {@link #mapper()}); closing it closes {@code out}.
     */
    static JsonGenerator generator(java.io.OutputStream out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    /** As {@link #generator}, one that also writes a value given as its JSON text in UTF-8 bytes. */
    static RawBytesGenerator rawBytesGenerator(java.io.OutputStream out) throws IOException {
        return RAW_FACTORY.create(out);
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
            char[] text = digits();
            int length = PlainDecimal.fewDigits(value, text);
            if (length > 0) {
                json.writeNumber(text, 0, length);
                return;
            }
        }
        json.writeNumber(PlainDecimal.of(value));
    }

    /**
     * Writes the number the engine wrote as {@code text[start, end)} (ASCII) as {@link #writeNumber(JsonGenerator, double)}
     * writes the double it reads as: by copying the text where it is that very text
     * ({@link PlainDecimal#isOwnText}, nearly every coordinate of a matched path), else by parsing it.
     */
    static void writeNumber(JsonGenerator json, byte[] text, int start, int end) throws IOException {
        int length = end - start;
        if (length <= PlainDecimal.MAX_LENGTH && PlainDecimal.isOwnText(text, start, end)) {
            char[] chars = digits();
            for (int i = 0; i < length; i++) {
                chars[i] = (char) text[start + i];
            }
            json.writeNumber(chars, 0, length);
            return;
        }
        writeNumber(json, Double.parseDouble(new String(text, start, length, java.nio.charset.StandardCharsets.ISO_8859_1)));
    }

    /** A buffer for one number's text: a generator is written by one thread at a time, and the text is copied out at once. */
    private static char[] digits() {
        Digits last = lastDigits;
        Thread current = Thread.currentThread();
        if (last == null || last.owner != current) {
            last = new Digits(current);
            lastDigits = last;
        }
        return last.chars;
    }

    /**
     * The digit buffer of the thread that wrote a number last. Not a ThreadLocal: under C1 (the launcher's
     * JIT for {@code analyze}) every {@code ThreadLocal.get} calls into the JVM ({@code Reference.refersTo0}),
     * some 5 % of the CPU of writing the results (docs/BENCHMARKS.md, "The matched path's numbers copied").
     * A buffer is only ever handed to its owner, so threads that take turns each get a new one instead
     * (nearly always a single thread writes); its fields are final, so publishing it is safe.
     */
    private static volatile Digits lastDigits;

    private static final class Digits {
        final Thread owner;
        final char[] chars = new char[PlainDecimal.MAX_LENGTH];

        Digits(Thread owner) {
            this.owner = owner;
        }
    }

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
