package dev.drivelog.logs;

import dev.drivelog.config.LogsConfig;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

/**
 * Parse-throughput benchmark (not a test; run by bench/parse-logs.sh). {@code generate FILE BYTES}
 * writes a fleet's daily dump: a time-sorted CSV of 500 vehicles reporting every second, each driving
 * 15-minute trips with 6-minute pauses. {@code parse FILE} reads it with TripReader and prints
 * throughput; heap is measured from outside (GC log, /usr/bin/time).
 */
public final class ParseBenchmark {
    static final int VEHICLES = 500;
    static final int DRIVE_SECONDS = 15 * 60;
    static final int PAUSE_SECONDS = 6 * 60;

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("generate")) {
            generate(Path.of(args[1]), Long.parseLong(args[2]));
        } else if (args.length == 2 && args[0].equals("parse")) {
            parse(Path.of(args[1]));
        } else {
            System.err.println("usage: ParseBenchmark generate FILE BYTES | parse FILE");
            System.exit(2);
        }
    }

    static void generate(Path file, long targetBytes) throws IOException {
        Random random = new Random(42);
        int[] latMicro = new int[VEHICLES];
        int[] lonMicro = new int[VEHICLES];
        int[] phase = new int[VEHICLES];
        for (int v = 0; v < VEHICLES; v++) {
            latMicro[v] = 52_300_000 + random.nextInt(400_000);
            lonMicro[v] = 13_100_000 + random.nextInt(600_000);
            phase[v] = random.nextInt(DRIVE_SECONDS + PAUSE_SECONDS);
        }
        long written = 0;
        long start = Instant.parse("2026-11-21T00:00:00Z").getEpochSecond();
        StringBuilder line = new StringBuilder(128);
        byte[] chunk = new byte[1 << 20];
        int chunkLength = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            byte[] header = "vehicle_id,time,lat,lon,speed_kmh,heading,accuracy\n".getBytes(StandardCharsets.US_ASCII);
            out.write(header);
            written += header.length;
            for (long second = 0; written < targetBytes; second++) {
                String time = Instant.ofEpochSecond(start + second).toString();
                for (int v = 0; v < VEHICLES && written < targetBytes; v++) {
                    long cycle = (second + phase[v]) % (DRIVE_SECONDS + PAUSE_SECONDS);
                    if (cycle >= DRIVE_SECONDS) {
                        continue; // pausing: no reports
                    }
                    int heading = (int) ((second / 60 + v) % 360);
                    latMicro[v] += (int) Math.round(100 * Math.cos(Math.toRadians(heading)));
                    lonMicro[v] += (int) Math.round(160 * Math.sin(Math.toRadians(heading)));
                    line.setLength(0);
                    line.append("veh-").append(1000 + v).append(',').append(time).append(',');
                    micro(line, latMicro[v]).append(',');
                    micro(line, lonMicro[v]).append(',');
                    line.append(30 + (v + second) % 40).append('.').append(second % 10).append(',')
                            .append(heading).append(",5.0\n");
                    int n = line.length();
                    if (chunkLength + n > chunk.length) {
                        out.write(chunk, 0, chunkLength);
                        chunkLength = 0;
                    }
                    for (int i = 0; i < n; i++) {
                        chunk[chunkLength++] = (byte) line.charAt(i); // ASCII only
                    }
                    written += n;
                }
            }
            out.write(chunk, 0, chunkLength);
        }
        System.out.printf("generated %s: %d bytes%n", file, written);
    }

    private static StringBuilder micro(StringBuilder out, int micro) {
        out.append(micro / 1_000_000).append('.');
        String fraction = Integer.toString(micro % 1_000_000);
        out.append("000000", 0, 6 - fraction.length()).append(fraction);
        return out;
    }

    static void parse(Path file) throws Exception {
        long bytes = Files.size(file);
        long[] points = {0};
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long startCpuNanos = threads.getCurrentThreadCpuTime();
        long startNanos = System.nanoTime();
        ReadReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = new TripReader(LogsConfig.DEFAULTS).read(file.getFileName().toString(), in, null,
                    trip -> points[0] += trip.count());
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - startCpuNanos) / 1e9;
        System.out.printf("parsed %s: %d bytes, %d points, %d trips%n", file.getFileName(), bytes, points[0],
                report.trips());
        System.out.printf("  wall %.2f s: %.1f MB/s, %.2f M points/s%n", seconds, bytes / 1e6 / seconds,
                points[0] / 1e6 / seconds);
        System.out.printf("  cpu  %.2f s (reading thread): %.1f MB/s, %.2f M points/s%n", cpuSeconds,
                bytes / 1e6 / cpuSeconds, points[0] / 1e6 / cpuSeconds);
        System.out.println(report.summary());
    }
}
