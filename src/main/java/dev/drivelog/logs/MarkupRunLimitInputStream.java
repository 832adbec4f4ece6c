package dev.drivelog.logs;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds the bytes between two markup characters ({@code <} or {@code >}) in XML, so that a single
 * huge text node or attribute (which a StAX parser would buffer whole) fails fast with a clear
 * message instead of exhausting memory. The XML counterpart of the line-length limit.
 */
final class MarkupRunLimitInputStream extends FilterInputStream {
    private final int maxRunBytes;
    private long run;

    MarkupRunLimitInputStream(InputStream in, int maxRunBytes) {
        super(in);
        this.maxRunBytes = maxRunBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            see((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            see(buffer[offset + i]);
        }
        return n;
    }

    private void see(byte b) throws InputLimitExceededException {
        if (b == '<' || b == '>') {
            run = 0;
        } else if (++run > maxRunBytes) {
            throw new InputLimitExceededException("more than logs.max_line_bytes (" + maxRunBytes
                    + " bytes) of XML text between two tags");
        }
    }
}
