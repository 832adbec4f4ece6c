package dev.drivelog.logs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and refuses to read past {@code maxBytes}. Optionally also checks
 * a ratio against another counter (decompressed against compressed bytes) once {@code ratioFloorBytes}
 * have passed, so that small, very compressible files are not mistaken for bombs.
 */
final class CountingInputStream extends FilterInputStream {
    private final long maxBytes;
    private final String limitKey;
    private final CountingInputStream ratioBase;
    private final double maxRatio;
    private final long ratioFloorBytes;
    private long count;

    CountingInputStream(InputStream in, long maxBytes, String limitKey) {
        this(in, maxBytes, limitKey, null, 0, 0);
    }

    CountingInputStream(InputStream in, long maxBytes, String limitKey, CountingInputStream ratioBase,
                        double maxRatio, long ratioFloorBytes) {
        super(in);
        this.maxBytes = maxBytes;
        this.limitKey = limitKey;
        this.ratioBase = ratioBase;
        this.maxRatio = maxRatio;
        this.ratioFloorBytes = ratioFloorBytes;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            add(skipped);
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void add(long n) throws InputLimitExceededException {
        count += n;
        if (count > maxBytes) {
            throw new InputLimitExceededException("larger than " + limitKey + " (" + maxBytes + " bytes)");
        }
        if (ratioBase != null && count > ratioFloorBytes && ratioBase.count() > 0
                && count > maxRatio * ratioBase.count()) {
            throw new InputLimitExceededException("decompresses more than logs.max_decompression_ratio ("
                    + maxRatio + ") times its stored size: " + ratioBase.count() + " bytes became over " + count
                    + " (a compression bomb?)");
        }
    }
}
