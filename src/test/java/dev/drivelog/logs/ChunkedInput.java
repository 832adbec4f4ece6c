package dev.drivelog.logs;

import java.io.InputStream;
import java.util.Random;

/**
 * Hands out the bytes in random pieces, so that records break across a reader's refills: for the
 * differential tests of the native scanners, which must take a record split anywhere as they take it
 * whole.
 */
final class ChunkedInput extends InputStream {
    private final byte[] bytes;
    private final Random random;
    private final int largestPiece;
    private int position;

    private ChunkedInput(byte[] bytes, long seed, int largestPiece) {
        this.bytes = bytes;
        this.random = new Random(seed);
        this.largestPiece = largestPiece;
    }

    /**
     * 1 to 300 bytes (about two records: the reader, not the scanner, then reads most of them), or for
     * every other seed up to 64 KiB (most records then complete in the buffer, as with a file).
     */
    static ChunkedInput smallOrLarge(byte[] bytes, long seed) {
        return new ChunkedInput(bytes, seed, (seed & 1) == 0 ? 300 : 1 << 16);
    }

    /** 1 to {@code largestPiece} bytes a read, for every seed. */
    static ChunkedInput upTo(byte[] bytes, long seed, int largestPiece) {
        return new ChunkedInput(bytes, seed, largestPiece);
    }

    @Override
    public int read() {
        return position < bytes.length ? bytes[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position == bytes.length) {
            return -1;
        }
        int n = Math.min(Math.min(len, bytes.length - position), 1 + random.nextInt(largestPiece));
        System.arraycopy(bytes, position, b, off, n);
        position += n;
        return n;
    }
}
