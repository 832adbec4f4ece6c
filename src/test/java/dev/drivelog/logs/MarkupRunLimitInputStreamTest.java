package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
}
