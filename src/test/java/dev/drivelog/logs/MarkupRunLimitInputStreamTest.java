package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MarkupRunLimitInputStreamTest {
    /** Hands out at most 3 bytes per read, so that runs span many reads. */
    private static InputStream trickle(String text) {
        return new FilterInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 3));
            }
        };
    }

    private static byte[] readAll(InputStream in, boolean byteByByte) throws IOException {
        if (!byteByByte) {
            return in.readAllBytes();
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            out.write(b);
        }
        return out.toByteArray();
    }

    @Test
    void read_runsUpToTheLimitAcrossReads_passUnchanged() throws Exception {
        String text = "<a>12345</a><b>1234</b>12345>12345<";
        for (boolean byteByByte : new boolean[] {false, true}) {
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8),
                    readAll(new MarkupRunLimitInputStream(trickle(text), 5), byteByByte));
        }
    }

    @Test
    void read_oneByteOverTheLimitAcrossReads_refused() {
        for (boolean byteByByte : new boolean[] {false, true}) {
            assertThrows(InputLimitExceededException.class,
                    () -> readAll(new MarkupRunLimitInputStream(trickle("<a>12345</a>123456<"), 5), byteByByte));
        }
    }

    /**
     * Reads of any size, below and above the limit, refuse in the same read (or pass the same bytes) as
     * a check of every byte's run does: random texts of markup and other bytes, random read sizes.
     */
    @Test
    void read_anyReadSizes_refuseInTheSameReadAsAByteByByteCheck() throws Exception {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 3_000; round++) {
            int limit = 1 + random.nextInt(12);
            byte[] text = new byte[random.nextInt(200)];
            int markupShare = 1 + random.nextInt(20);
            for (int i = 0; i < text.length; i++) {
                text[i] = random.nextInt(markupShare) == 0 ? (byte) (random.nextBoolean() ? '<' : '>') : (byte) 'x';
            }
            long seed = random.nextLong();
            assertEquals(readsUntilRefused(text, limit, seed, false), readsUntilRefused(text, limit, seed, true),
                    "round " + round);
        }
    }

    /** The number of reads that returned before a refusal (or -1 with every byte read), reads of random sizes. */
    private static int readsUntilRefused(byte[] text, int limit, long seed, boolean reference) throws IOException {
        java.util.Random sizes = new java.util.Random(seed);
        InputStream source = new ByteArrayInputStream(text);
        long run = 0;
        MarkupRunLimitInputStream limited = new MarkupRunLimitInputStream(source, limit);
        byte[] buffer = new byte[64];
        for (int reads = 0; ; reads++) {
            int size = 1 + sizes.nextInt(2 * limit + 2);
            if (!reference) {
                try {
                    if (limited.read(buffer, 0, size) < 0) {
                        return -1;
                    }
                } catch (InputLimitExceededException e) {
                    return reads;
                }
                continue;
            }
            int n = source.read(buffer, 0, size);
            if (n < 0) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                run = buffer[i] == '<' || buffer[i] == '>' ? 0 : run + 1;
                if (run > limit) {
                    return reads;
                }
            }
        }
    }
}
