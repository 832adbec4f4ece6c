package dev.drivelog.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines (LF or CRLF) with a bound on line length: a line longer than
 * {@code maxLineBytes} is never buffered whole; it is skipped to its end, counted and reported with
 * its line number. The buffer grows only up to the bound. A UTF-8 byte-order mark at the start is
 * dropped.
 */
final class LineReader {
    private static final int INITIAL_BUFFER_BYTES = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final ReadCounts counts;
    private byte[] buffer;
    private int position;
    private int limit;
    private boolean eof;
    private long lineNumber;
    private int lineStart;
    private int lineEnd;

    LineReader(InputStream in, int maxLineBytes, ReadCounts counts) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.counts = counts;
        this.buffer = new byte[Math.min(INITIAL_BUFFER_BYTES, maxLineBytes + 1)];
    }

    /** The number of the line last returned, 1-based. */
    long lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator, or null at the end of the input. */
    String next() throws IOException {
        return advance() ? text() : null;
    }

    /**
     * Moves to the next line without decoding it: its bytes (without the terminator) are
     * {@code buffer()[lineStart(), lineEnd())} until the next call. False at the end of the input.
     * The byte-level readers use this; the line is decoded only when they need a String.
     */
    boolean advance() throws IOException {
        int scanFrom = position;
        while (true) {
            int newline = indexOfNewline(scanFrom);
            if (newline >= 0) {
                int start = position;
                position = newline + 1;
                line(start, newline);
                return true;
            }
            if (limit - position > maxLineBytes) {
                skipOversizedLine();
                scanFrom = position;
                continue;
            }
            if (eof) {
                if (position == limit) {
                    return false;
                }
                int start = position;
                position = limit;
                line(start, limit);
                return true;
            }
            int scannedBytes = limit - position;
            fill();
            scanFrom = position + scannedBytes;
        }
    }

    /** The current line's bytes (see {@link #advance}); the array changes when the buffer grows. */
    byte[] buffer() {
        return buffer;
    }

    int lineStart() {
        return lineStart;
    }

    int lineEnd() {
        return lineEnd;
    }

    /** Where the unread bytes start in {@link #buffer()}. */
    int position() {
        return position;
    }

    /** One past the last byte read into {@link #buffer()}. */
    int limit() {
        return limit;
    }

    /**
     * Takes {@code lineCount} complete lines, {@code bytes} bytes from {@link #position()} with their
     * newlines, as read by someone else (the native CSV scanner): they count as lines read, as if
     * {@link #advance} had returned each. The current line is then undefined until the next advance.
     */
    void skipScanned(int lineCount, int bytes) {
        if (bytes < 0 || bytes > limit - position || (lineCount == 0) != (bytes == 0)) {
            throw new IllegalArgumentException("cannot skip " + lineCount + " lines of " + bytes + " bytes at "
                    + position + " of " + limit);
        }
        position += bytes;
        lineNumber += lineCount;
        counts.lines += lineCount;
    }

    /** The current line decoded. */
    String text() {
        return new String(buffer, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
    }

    private void line(int start, int end) {
        lineNumber++;
        counts.lines++;
        int stop = end > start && buffer[end - 1] == '\r' ? end - 1 : end;
        if (lineNumber == 1 && stop - start >= 3 && (buffer[start] & 0xFF) == 0xEF
                && (buffer[start + 1] & 0xFF) == 0xBB && (buffer[start + 2] & 0xFF) == 0xBF) {
            start += 3;
        }
        lineStart = start;
        lineEnd = stop;
    }

    private int indexOfNewline(int from) {
        byte[] b = buffer;
        for (int i = from; i < limit; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Moves the unread bytes to the front and reads more, growing the buffer up to the line bound. */
    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, maxLineBytes + 1L));
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    private void skipOversizedLine() throws IOException {
        lineNumber++;
        counts.lines++;
        counts.oversizedLines++;
        counts.malformed(lineNumber, "line longer than logs.max_line_bytes (" + maxLineBytes + " bytes), skipped");
        position = limit;
        while (true) {
            if (position == limit) {
                position = 0;
                limit = 0;
                int n = in.read(buffer, 0, buffer.length);
                if (n < 0) {
                    eof = true;
                    return;
                }
                limit = n;
            }
            int newline = indexOfNewline(position);
            if (newline >= 0) {
                position = newline + 1;
                return;
            }
            position = limit;
        }
    }
}
