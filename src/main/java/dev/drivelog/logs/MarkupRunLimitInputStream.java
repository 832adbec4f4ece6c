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
        // The run in a local: a call and a field write per byte were a twelfth of reading a GPX file.
        long current = run;
        for (int i = offset, end = offset + Math.max(n, 0); i < end; i++) {
            byte b = buffer[i];
            if (b == '<' || b == '>') {
                current = 0;
            } else if (++current > maxRunBytes) {
                throw tooLong();
            }
        }
        run = current;
        return n;
    }

    private void see(byte b) throws InputLimitExceededException {
        if (b == '<' || b == '>') {
            run = 0;
        } else if (++run > maxRunBytes) {
            throw tooLong();
        }
    }

    private InputLimitExceededException tooLong() {
        return new InputLimitExceededException("more than logs.max_line_bytes (" + maxRunBytes
                + " bytes) of XML text between two tags");
    }
}
