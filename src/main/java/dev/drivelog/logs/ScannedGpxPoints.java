package dev.drivelog.logs;

import dev.drivelog.config.LogsConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The first part of a GPX document read by the native {@link GpxScanner}: the input is read into a
 * buffer, the scanner takes what it can, its points and trip boundaries go to the sink as the Java
 * reader would send them, and when the scanner stops for good (or the input ends, or a unit outgrows
 * {@link #MAX_BUFFER_BYTES}) the rest is handed back as a stream for Aalto: the open elements' start
 * tags, replayed on one line, then the unread bytes, then the rest of the input, with the line offset
 * that makes every line Aalto reports the original one.
 */
final class ScannedGpxPoints {
    /** The points of one scan; enough that a call costs little per point. */
    static final int BATCH = 1024;
    private static final int FIRST_BUFFER_BYTES = 64 * 1024;
    /** A unit (a trkpt with its extensions, a long comment) larger than this is Aalto's. */
    static final int MAX_BUFFER_BYTES = 4 << 20;
    /**
     * The most bytes asked of the input at a time, about what Aalto asks (its buffer is 4,000 bytes).
     * A read that ends in an EOFException or ZipException (a truncated or corrupt gzip) loses what it
     * had read, and TripReader keeps the points before it; asking little keeps that loss as small as
     * Aalto's (the points kept can still differ by that read's tail: docs/ARCHITECTURE.md).
     */
    private static final int READ_BYTES = 4096;

    /** What is left for Aalto: a stream that starts with the replay, and the lines before it. */
    record HandBack(InputStream rest, long lineOffset) {
    }

    private ScannedGpxPoints() {
    }

    static HandBack read(GpxScanner scanner, LogsConfig config, InputStream in, PointSink sink, ReadCounts counts)
            throws IOException {
        return read(scanner, config, in, sink, counts, FIRST_BUFFER_BYTES);
    }

    /** @param firstBufferBytes the buffer's first size (tests make it small to split units across reads) */
    static HandBack read(GpxScanner scanner, LogsConfig config, InputStream in, PointSink sink, ReadCounts counts,
                         int firstBufferBytes) throws IOException {
        GpxScanColumns c = new GpxScanColumns(BATCH);
        GpxScanner.Scan scan = scanner.start(GpxScanLayout.of(config), c);
        byte[] buffer = new byte[firstBufferBytes];
        int start = 0;
        int end = 0;
        boolean endOfInput = false;
        for (;;) {
            int stop = scan.scan(buffer, start, end);
            deliver(c, sink);
            start += (int) c.scanned[1];
            if (c.scanned[2] > 0) {
                counts.lines = c.scanned[2];
            }
            if (stop == GpxScanner.STOP_FULL) {
                continue;
            }
            if (stop != GpxScanner.STOP_MORE || endOfInput) {
                break;
            }
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.length) {
                if (buffer.length >= MAX_BUFFER_BYTES) {
                    break;
                }
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int n = in.read(buffer, end, Math.min(buffer.length - end, READ_BYTES));
            if (n < 0) {
                endOfInput = true;
            } else {
                end += n;
            }
        }
        InputStream rest = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(scan.replay()), new ByteArrayInputStream(buffer, start, end - start), in)));
        return new HandBack(rest, scan.lineBreaks());
    }

    /** What GpxLogParser sends for a trkpt it reads (vehicle "", a valid fix) or a segment's end. */
    private static void deliver(GpxScanColumns c, PointSink sink) {
        int n = (int) c.scanned[0];
        for (int i = 0; i < n; i++) {
            if (c.entry[i] == GpxScanner.BOUNDARY) {
                sink.boundary("");
            } else {
                sink.point("", c.time[i], c.lat[i], c.lon[i], c.speed[i], c.heading[i], c.accuracy[i], c.line[i]);
            }
        }
    }
}
