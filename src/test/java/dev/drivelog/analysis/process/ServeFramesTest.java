package dev.drivelog.analysis.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.drivelog.logs.Trip;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServeFramesTest {
    private final ServeFrames frames = new ServeFrames();

    @Test
    void writeRequest_twoPoints_hasTheDocumentedLayout() throws IOException {
        Trip trip = new Trip("v", "t-é", 2, new double[] {10.0, 11.0}, new double[] {52.0, 52.1},
                new double[] {13.0, 13.1}, new float[] {1.5f, 2.5f}, null, new float[] {3f, 4f});
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        frames.writeRequest(out, trip);

        ByteBuffer bytes = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(4 + 4 + 4 + 4 + 2 * (8 + 8 + 8 + 4 + 4 + 4), bytes.remaining());
        byte[] magic = new byte[4];
        bytes.get(magic);
        assertEquals("DLRQ", new String(magic, StandardCharsets.US_ASCII));
        assertEquals(4, bytes.getInt(), "trip id length in UTF-8 bytes");
        byte[] id = new byte[4];
        bytes.get(id);
        assertEquals("t-é", new String(id, StandardCharsets.UTF_8));
        assertEquals(2, bytes.getInt());
        assertEquals(10.0, bytes.getDouble());
        assertEquals(11.0, bytes.getDouble());
        assertEquals(52.0, bytes.getDouble());
        assertEquals(52.1, bytes.getDouble());
        assertEquals(13.0, bytes.getDouble());
        assertEquals(13.1, bytes.getDouble());
        assertEquals(1.5f, bytes.getFloat());
        assertEquals(2.5f, bytes.getFloat());
        assertEquals(Float.NaN, bytes.getFloat(), "missing heading");
        assertEquals(Float.NaN, bytes.getFloat());
        assertEquals(3f, bytes.getFloat());
        assertEquals(4f, bytes.getFloat());
    }

    @Test
    void readResponse_wellFormed_givesStatusAndPayload() throws IOException {
        ServeFrames.Response response = frames.readResponse(new ByteArrayInputStream(response("DLRS", 1, "too many points")));

        assertEquals(1, response.status());
        assertEquals("too many points", response.text());
    }

    @Test
    void readResponse_cutOffPayload_isEof() {
        byte[] whole = response("DLRS", 0, "{\"schema\":1}");
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);

        assertThrows(EOFException.class, () -> frames.readResponse(new ByteArrayInputStream(cut)));
        assertThrows(EOFException.class, () -> frames.readResponse(new ByteArrayInputStream(new byte[0])));
    }

    @Test
    void readResponse_wrongMagic_isRefused() {
        IOException e = assertThrows(IOException.class,
                () -> frames.readResponse(new ByteArrayInputStream(response("HTTP", 0, "x"))));

        assertEquals(IOException.class, e.getClass());
    }

    private static byte[] response(String magic, int status, String payload) {
        byte[] text = payload.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(12 + text.length).order(ByteOrder.LITTLE_ENDIAN)
                .put(magic.getBytes(StandardCharsets.US_ASCII)).putInt(status).putInt(text.length).put(text).array();
    }
}
