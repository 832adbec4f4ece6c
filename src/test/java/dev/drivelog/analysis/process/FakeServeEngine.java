package dev.drivelog.analysis.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for {@code drivelog-analyze --serve}, run as a child process by the tests of the
 * process binding: it speaks the framing of docs/ENGINE.md with its own decoder and misbehaves on
 * request, which the real engine offers no hook for. Trip ids select the behaviour:
 * {@code crash...} halts the process mid-request, {@code crash-once:FILE} halts unless FILE exists
 * (creating it), {@code hang...} never answers, {@code refuse...} answers status 1. Any other trip
 * is answered with a JSON echo of what arrived (count and column sums), which proves the encoding.
 * With the argument {@code --fail-hello} it refuses to start, as with a missing map.
 */
public final class FakeServeEngine {
    public static void main(String[] args) throws IOException, InterruptedException {
        OutputStream out = new BufferedOutputStream(System.out);
        if (args.length > 0 && args[0].equals("--fail-hello")) {
            frame(out, 2, "cannot open map /nowhere.dlmap: No such file or directory");
            System.exit(2);
        }
        frame(out, 0, "{\"abi\":1,\"version\":\"fake\",\"map\":{}}");
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        while (true) {
            int magic;
            try {
                magic = Integer.reverseBytes(in.readInt());
            } catch (EOFException e) {
                System.exit(0);
                return;
            }
            if (magic != 0x51524C44) {
                frame(out, 1, "bad magic");
                System.exit(3);
            }
            byte[] id = new byte[Integer.reverseBytes(in.readInt())];
            in.readFully(id);
            String tripId = new String(id, StandardCharsets.UTF_8);
            int count = Integer.reverseBytes(in.readInt());
            double[] sums = new double[3];
            for (int column = 0; column < 3; column++) {
                for (int i = 0; i < count; i++) {
                    sums[column] += Double.longBitsToDouble(Long.reverseBytes(in.readLong()));
                }
            }
            int[] nanCounts = new int[3];
            double[] floatSums = new double[3];
            for (int column = 0; column < 3; column++) {
                for (int i = 0; i < count; i++) {
                    float value = Float.intBitsToFloat(Integer.reverseBytes(in.readInt()));
                    if (Float.isNaN(value)) {
                        nanCounts[column]++;
                    } else {
                        floatSums[column] += value;
                    }
                }
            }
            if (tripId.startsWith("crash-once:")) {
                Path marker = Path.of(tripId.substring("crash-once:".length()));
                if (!Files.exists(marker)) {
                    Files.createFile(marker);
                    System.err.println("fake engine: crashing once on " + tripId);
                    Runtime.getRuntime().halt(134);
                }
            } else if (tripId.startsWith("crash")) {
                System.err.println("fake engine: crashing on " + tripId);
                Runtime.getRuntime().halt(134);
            } else if (tripId.startsWith("hang")) {
                Thread.sleep(Long.MAX_VALUE);
            } else if (tripId.startsWith("refuse")) {
                frame(out, 1, "trip " + tripId + ": more points than the limit");
                continue;
            }
            frame(out, 0, String.format(java.util.Locale.ROOT,
                    "{\"trip_id\":\"%s\",\"count\":%d,\"time_sum\":%.3f,\"lat_sum\":%.6f,\"lon_sum\":%.6f,"
                            + "\"speed_sum\":%.3f,\"speed_nan\":%d,\"heading_nan\":%d,\"accuracy_nan\":%d}",
                    tripId, count, sums[0], sums[1], sums[2], floatSums[0], nanCounts[0], nanCounts[1], nanCounts[2]));
        }
    }

    private static void frame(OutputStream out, int status, String payload) throws IOException {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.put("DLRS".getBytes(StandardCharsets.US_ASCII)).putInt(status).putInt(bytes.length);
        out.write(header.array());
        out.write(bytes);
        out.flush();
    }
}
