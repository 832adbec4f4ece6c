package dev.drivelog.analysis.process;

import dev.drivelog.logs.Trip;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The framing of {@code drivelog-analyze --serve} (docs/ENGINE.md): requests {@code DLRQ} with a
 * trip's columns, responses {@code DLRS} with a status and a UTF-8 payload; all little-endian.
 * Holds a reusable buffer, so one instance per child process, used by one thread at a time.
 */
final class ServeFrames {
    static final int REQUEST_MAGIC = 0x51524C44;  // "DLRQ" read as a little-endian int
    static final int RESPONSE_MAGIC = 0x53524C44; // "DLRS"
    static final int MAX_TRIP_ID_BYTES = 4096;
    /** A response larger than this is taken as a broken stream, not allocated. */
    static final int MAX_PAYLOAD_BYTES = 1 << 30;

    /**
     * One response frame.
     *
     * @param payload the payload's bytes as sent: a result's UTF-8 (status 0) or a message
     */
    record Response(int status, byte[] payload) {
        /** The payload as text (a message, or a result for whoever wants it as a String). */
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);

    /** Writes one request and flushes it. */
    void writeRequest(OutputStream out, Trip trip) throws IOException {
        byte[] tripId = trip.tripId().getBytes(StandardCharsets.UTF_8);
        if (tripId.length > MAX_TRIP_ID_BYTES) {
            throw new IllegalArgumentException("trip id longer than " + MAX_TRIP_ID_BYTES + " bytes: " + trip.tripId());
        }
        int count = trip.count();
        buffer.clear();
        buffer.putInt(REQUEST_MAGIC).putInt(tripId.length).put(tripId).putInt(count);
        for (int i = 0; i < count; i++) {
            room(out, 8).putDouble(trip.timeSeconds()[i]);
        }
        for (int i = 0; i < count; i++) {
            room(out, 8).putDouble(trip.lat()[i]);
        }
        for (int i = 0; i < count; i++) {
            room(out, 8).putDouble(trip.lon()[i]);
        }
        writeOptional(out, trip.speedMps(), count);
        writeOptional(out, trip.headingDeg(), count);
        writeOptional(out, trip.accuracyMeters(), count);
        drain(out);
        out.flush();
    }

    private void writeOptional(OutputStream out, float[] column, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            room(out, 4).putFloat(column == null ? Float.NaN : column[i]);
        }
    }

    /** The buffer with at least {@code bytes} free, after writing out what it holds if need be. */
    private ByteBuffer room(OutputStream out, int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            drain(out);
        }
        return buffer;
    }

    private void drain(OutputStream out) throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }

    /**
     * Reads one response frame.
     *
     * @throws EOFException when the stream ends before or inside the frame (the child died)
     * @throws IOException  when the frame is not a response (wrong magic, absurd length)
     */
    Response readResponse(InputStream in) throws IOException {
        byte[] header = in.readNBytes(12);
        if (header.length < 12) {
            throw new EOFException(header.length == 0 ? "no response" : "response cut off in its header");
        }
        ByteBuffer fields = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        int magic = fields.getInt();
        int status = fields.getInt();
        long length = Integer.toUnsignedLong(fields.getInt());
        if (magic != RESPONSE_MAGIC) {
            throw new IOException(String.format("not a response frame (magic 0x%08x)", magic));
        }
        if (length > MAX_PAYLOAD_BYTES) {
            throw new IOException("response of " + length + " bytes exceeds the limit of " + MAX_PAYLOAD_BYTES);
        }
        byte[] payload = in.readNBytes((int) length);
        if (payload.length < length) {
            throw new EOFException("response cut off after " + payload.length + " of " + length + " payload bytes");
        }
        return new Response(status, payload);
    }
}
