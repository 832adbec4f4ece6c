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
        if (n <= 0) {
            return n;
        }
        if (n > maxRunBytes) {
            checkEveryRun(buffer, offset, offset + n);
        } else {
            checkRunsAcrossTheEdges(buffer, offset, offset + n);
        }
        return n;
    }

    /**
     * A run wholly inside a read of at most maxRunBytes bytes is within the limit, so only the run
     * carried in from the reads before (up to the first markup character) and the one carried out can
     * exceed it: two short scans from the ends instead of one over every byte (which was a twentieth
     * of reading a GPX file under C1). Refuses in the same read as {@link #checkEveryRun} does.
     */
    private void checkRunsAcrossTheEdges(byte[] buffer, int from, int to) throws InputLimitExceededException {
        int first = from;
        while (first < to && !isMarkup(buffer[first])) {
            first++;
        }
        if (run + (first - from) > maxRunBytes) {
            throw tooLong();
        }
        if (first == to) {
            run += to - from;
            return;
        }
        int last = to - 1;
        while (!isMarkup(buffer[last])) {
            last--;
        }
        run = to - 1 - last;
    }

    private void checkEveryRun(byte[] buffer, int from, int to) throws InputLimitExceededException {
        // The run in a local: a call and a field write per byte were a twelfth of reading a GPX file.
        long current = run;
        for (int i = from; i < to; i++) {
            if (isMarkup(buffer[i])) {
                current = 0;
            } else if (++current > maxRunBytes) {
                throw tooLong();
            }
        }
        run = current;
    }

    private static boolean isMarkup(byte b) {
        return b == '<' || b == '>';
    }

    private void see(byte b) throws InputLimitExceededException {
        if (isMarkup(b)) {
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
