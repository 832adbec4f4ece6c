package dev.drivelog.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Jackson's UTF-8 generator with one addition: a value given as UTF-8 bytes that are already JSON
 * ({@link #writeRawValue(byte[], int, int)}), copied into the output buffer as they are. Jackson's own raw
 * writes take chars (a conversion per byte) or a {@code SerializableString}, which makes an array of its
 * own whenever the buffer lacks room; the matched path's text, nearly all of a {@code --matched} GeoJSON,
 * goes through here without either (docs/BENCHMARKS.md, "The matched path copied, not parsed"). Everything
 * else is Jackson's, byte for byte.
 */
final class RawBytesGenerator extends UTF8JsonGenerator {
    /** Makes these generators: Jackson's default factory but for the generator's class. Thread safe; shared. */
    static final class Factory extends JsonFactory {
        private static final long serialVersionUID = 1L;

        /** A generator over {@code out}; closing it closes {@code out}. */
        RawBytesGenerator create(OutputStream out) throws IOException {
            return (RawBytesGenerator) createGenerator(out);
        }

        @Override
        protected JsonGenerator _createUTF8Generator(OutputStream out, IOContext ctxt) {
            // The default factory sets no character escapes, highest unescaped char or root separator.
            return new RawBytesGenerator(ctxt, _generatorFeatures, _objectCodec, out, _quoteChar);
        }
    }

    private RawBytesGenerator(IOContext ctxt, int features, ObjectCodec codec, OutputStream out, char quote) {
        super(ctxt, features, codec, out, quote);
    }

    /**
     * Writes {@code utf8[offset, offset + length)} as the next value (after a field name, or an array's
     * element), with the separator the generator owes before it. The bytes must be one complete JSON value:
     * nothing here checks them.
     */
    void writeRawValue(byte[] utf8, int offset, int length) throws IOException {
        _verifyValueWrite("write raw value");
        writeBytes(utf8, offset, length);
    }

    /**
     * Writes more members of the object the generator is in, given as their UTF-8 JSON text
     * ({@code "a":1,"b":[2]}), after the members it wrote itself: a comma, then the bytes. The object must
     * hold at least one member already (else IllegalStateException); the text must be complete members and
     * is not checked. The generator counts them as none (a member written after them gets its comma all the same).
     */
    void writeRawMembers(byte[] utf8, int offset, int length) throws IOException {
        if (!_writeContext.inObject() || _writeContext.getEntryCount() < 1) {
            throw new IllegalStateException("members follow a member of an object");
        }
        if (_outputTail >= _outputEnd) {
            _flushBuffer();
        }
        _outputBuffer[_outputTail++] = ',';
        writeBytes(utf8, offset, length);
    }

    /** Copies the bytes into the output buffer, or past it to the stream when they are longer than the buffer. */
    private void writeBytes(byte[] utf8, int offset, int length) throws IOException {
        if (_outputTail + length > _outputEnd) {
            _flushBuffer();
            if (length > _outputEnd) {
                _outputStream.write(utf8, offset, length);
                return;
            }
        }
        System.arraycopy(utf8, offset, _outputBuffer, _outputTail, length);
        _outputTail += length;
    }
}
