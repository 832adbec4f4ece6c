package dev.drivelog.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An object's content as {@link S3ObjectStore#openRead} streams it, held to the size its HEAD gave:
 * an end of stream before that many bytes (or bytes beyond them) is a {@link ShortReadException},
 * never an end of the object. For gzip inputs this is the compressed size, so a cut in the middle of a
 * compressed stream is caught before a decompressor could take it for a truncated file. The failure
 * is remembered ({@link #endedEarly()}), so a caller can tell it even from a reader that caught it.
 * Counts the bytes read. Not thread-safe (one reader).
 */
public final class ObjectReadStream extends FilterInputStream {
    private final ObjectInfo object;
    private long bytesRead;
    private boolean endedEarly;

    ObjectReadStream(InputStream content, ObjectInfo object) {
        super(content);
        this.object = object;
    }

    /** The stream underneath: one GET, or a {@link RangedDownloadStream}. */
    InputStream content() {
        return in;
    }

    public long bytesRead() {
        return bytesRead;
    }

    /** True once the stream ended (or overran) at a length other than the object's size. */
    public boolean endedEarly() {
        return endedEarly;
    }

    /** Throws the {@link ShortReadException} again if the content did not match the object's size when it ended. */
    public void requireNotEndedEarly() throws ShortReadException {
        if (endedEarly) {
            throw new ShortReadException(object, bytesRead);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        int n = super.read(target, offset, length);
        count(n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Through read(), so that skipped bytes are counted and a short object is noticed here too.
        if (n <= 0) {
            return 0;
        }
        byte[] scratch = new byte[Math.clamp(n, 1, 8192)];
        long left = n;
        while (left > 0) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    private void count(int n) throws ShortReadException {
        if (n > 0) {
            bytesRead += n;
            if (bytesRead > object.sizeBytes()) {
                endedEarly = true;
                throw new ShortReadException(object, bytesRead);
            }
        } else if (n < 0 && bytesRead != object.sizeBytes()) {
            endedEarly = true;
            throw new ShortReadException(object, bytesRead);
        }
    }
}
