package dev.drivelog.faults;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;

/** A response body that ends like a dropped connection: {@code Connection reset} after some bytes. */
final class ResettingInputStream extends FilterInputStream {
    private final Runnable onFirstReset;
    private long bytesLeft;
    private boolean wasReset;

    /** {@code onFirstReset} runs when the reset first happens (a body shorter than the cut ends normally). */
    ResettingInputStream(InputStream in, long bytesBeforeReset, Runnable onFirstReset) {
        super(in);
        this.bytesLeft = bytesBeforeReset;
        this.onFirstReset = onFirstReset;
    }

    @Override
    public int read() throws IOException {
        if (bytesLeft <= 0) {
            throw connectionReset();
        }
        int b = super.read();
        if (b >= 0) {
            bytesLeft--;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (bytesLeft <= 0) {
            throw connectionReset();
        }
        int n = super.read(buffer, offset, (int) Math.min(length, bytesLeft));
        if (n > 0) {
            bytesLeft -= n;
        }
        return n;
    }

    private SocketException connectionReset() {
        if (!wasReset) {
            wasReset = true;
            onFirstReset.run();
        }
        return new SocketException("Connection reset (injected)");
    }
}
