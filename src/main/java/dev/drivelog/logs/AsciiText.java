package dev.drivelog.logs;

import java.nio.charset.StandardCharsets;

/**
 * A reusable view of ASCII bytes as a {@link CharSequence}: the byte-level readers point one at a
 * field of the line in their buffer instead of decoding it into a String, and the field parsers
 * ({@link DecimalParser}, {@link TimestampParser}, {@link PointRecord}) read it like any text. Only
 * pure ASCII is ever put here (the readers take the String path for a line with other bytes), so
 * {@code charAt} is the byte itself. Valid until the view is pointed elsewhere or the buffer refills;
 * {@link #toString} copies (error messages, the rare slow paths).
 */
final class AsciiText implements CharSequence {
    private byte[] bytes = new byte[0];
    private int from;
    private int length;

    /** Points the view at {@code bytes[from, to)}, which must all be ASCII (0..127). */
    AsciiText set(byte[] bytes, int from, int to) {
        this.bytes = bytes;
        this.from = from;
        this.length = to - from;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new StringIndexOutOfBoundsException("index " + index + ", length " + length);
        }
        return (char) bytes[from + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().substring(start, end);
    }

    /** The array the text lies in, and its bounds there: for readers that loop over the bytes themselves. */
    byte[] array() {
        return bytes;
    }

    int start() {
        return from;
    }

    int end() {
        return from + length;
    }

    @Override
    public String toString() {
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }
}
