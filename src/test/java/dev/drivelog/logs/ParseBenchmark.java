package dev.drivelog.logs;

import dev.drivelog.config.LogsConfig;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Parse-throughput benchmark (not a test; run by bench/parse-logs.sh). {@code generate FILE BYTES
 * [csv|jsonl|nmea|gpx]} writes a drive log: for CSV (the default) and JSON Lines a fleet's daily
 * dump, time-sorted, 500 vehicles reporting every second, each driving 15-minute trips with
 * 6-minute pauses; for NMEA and GPX one vehicle doing the same. {@code parse FILE} reads it with
 * TripReader and prints throughput by wall and by CPU time; heap is measured from outside (GC log,
 * /usr/bin/time).
 */
public final class ParseBenchmark {
    static final int FLEET_VEHICLES = 500;
    static final int DRIVE_SECONDS = 15 * 60;
    static final int PAUSE_SECONDS = 6 * 60;
    private static final DateTimeFormatter NMEA_TIME = DateTimeFormatter.ofPattern("HHmmss.00").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NMEA_DATE = DateTimeFormatter.ofPattern("ddMMyy").withZone(ZoneOffset.UTC);

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if ((args.length == 3 || args.length == 4) && args[0].equals("generate")) {
            generate(Path.of(args[1]), Long.parseLong(args[2]), args.length == 4 ? LogFormat.fromId(args[3]) : LogFormat.CSV);
        } else if (args.length == 2 && args[0].equals("parse")) {
            parse(Path.of(args[1]));
        } else {
            System.err.println("usage: ParseBenchmark generate FILE BYTES [csv|jsonl|nmea|gpx] | parse FILE");
            System.exit(2);
        }
    }

    static void generate(Path file, long targetBytes, LogFormat format) throws IOException {
        int vehicles = format == LogFormat.CSV || format == LogFormat.JSONL ? FLEET_VEHICLES : 1;
        Random random = new Random(42);
        int[] latMicro = new int[vehicles];
        int[] lonMicro = new int[vehicles];
        int[] phase = new int[vehicles];
        for (int v = 0; v < vehicles; v++) {
            latMicro[v] = 52_300_000 + random.nextInt(400_000);
            lonMicro[v] = 13_100_000 + random.nextInt(600_000);
            phase[v] = random.nextInt(DRIVE_SECONDS + PAUSE_SECONDS);
        }
        long start = Instant.parse("2026-11-21T00:00:00Z").getEpochSecond();
        Output out = new Output(file);
        try (out) {
            out.write(switch (format) {
                case CSV -> "vehicle_id,time,lat,lon,speed_kmh,heading,accuracy\n";
                case GPX -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.0\" creator=\"bench\">\n<trk><trkseg>\n";
                default -> "";
            });
            StringBuilder line = new StringBuilder(256);
            for (long second = 0; out.written < targetBytes; second++) {
                Instant instant = Instant.ofEpochSecond(start + second);
                String time = instant.toString();
                for (int v = 0; v < vehicles && out.written < targetBytes; v++) {
                    long cycle = (second + phase[v]) % (DRIVE_SECONDS + PAUSE_SECONDS);
                    if (cycle >= DRIVE_SECONDS) {
                        continue; // pausing: no reports
                    }
                    int heading = (int) ((second / 60 + v) % 360);
                    latMicro[v] += (int) Math.round(100 * Math.cos(Math.toRadians(heading)));
                    lonMicro[v] += (int) Math.round(160 * Math.sin(Math.toRadians(heading)));
                    double speedKmh = 30 + (v + second) % 40 + (second % 10) / 10.0;
                    line.setLength(0);
                    switch (format) {
                        case CSV -> {
                            line.append("veh-").append(1000 + v).append(',').append(time).append(',');
                            micro(line, latMicro[v]).append(',');
                            micro(line, lonMicro[v]).append(',');
                            line.append(speedKmh).append(',').append(heading).append(",5.0\n");
                        }
                        case JSONL -> {
                            line.append("{\"deviceId\":").append(1000 + v).append(",\"fixTime\":\"").append(time)
                                    .append("\",\"valid\":true,\"latitude\":");
                            micro(line, latMicro[v]).append(",\"longitude\":");
                            micro(line, lonMicro[v]).append(",\"speed\":").append(Math.round(speedKmh / 1.852 * 10) / 10.0)
                                    .append(",\"course\":").append(heading).append(",\"accuracy\":5.0}\n");
                        }
                        case NMEA -> {
                            String t = NMEA_TIME.format(instant);
                            String position = nmeaPosition(latMicro[v], lonMicro[v]);
                            sentence(line, "GPGGA," + t + "," + position + ",1,09,0.9,34.0,M,40.0,M,,");
                            sentence(line, "GPRMC," + t + ",A," + position + "," + Math.round(speedKmh / 1.852 * 10) / 10.0
                                    + "," + heading + ".0," + NMEA_DATE.format(instant) + ",,,A");
                        }
                        case GPX -> {
                            line.append("<trkpt lat=\"");
                            micro(line, latMicro[v]).append("\" lon=\"");
                            micro(line, lonMicro[v]).append("\"><ele>34.0</ele><time>").append(time)
                                    .append("</time><course>").append(heading).append("</course><speed>")
                                    .append(Math.round(speedKmh / 3.6 * 100) / 100.0).append("</speed></trkpt>\n");
                        }
                    }
                    out.write(line);
                }
            }
            if (format == LogFormat.GPX) {
                out.write("</trkseg></trk>\n</gpx>\n");
            }
        }
        System.out.printf("generated %s: %d bytes of %s%n", file, out.written, format.id());
    }

    private static StringBuilder micro(StringBuilder out, int micro) {
        out.append(micro / 1_000_000).append('.');
        String fraction = Integer.toString(micro % 1_000_000);
        out.append("000000", 0, 6 - fraction.length()).append(fraction);
        return out;
    }

    private static String nmeaPosition(int latMicro, int lonMicro) {
        return String.format(java.util.Locale.ROOT, "%02d%07.4f,N,%03d%07.4f,E", latMicro / 1_000_000,
                (latMicro % 1_000_000) * 60 / 1e6, lonMicro / 1_000_000, (lonMicro % 1_000_000) * 60 / 1e6);
    }

    private static void sentence(StringBuilder out, String body) {
        int checksum = 0;
        for (int i = 0; i < body.length(); i++) {
            checksum ^= body.charAt(i);
        }
        out.append('$').append(body).append('*').append(String.format("%02X", checksum)).append("\r\n");
    }

    static void parse(Path file) throws Exception {
        long bytes = Files.size(file);
        long[] points = {0};
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
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

    /** ASCII output in 1 MiB chunks (per-byte writes to a stream are slow). */
    private static final class Output implements AutoCloseable {
        private final OutputStream out;
        private final byte[] chunk = new byte[1 << 20];
        private int length;
        long written;

        Output(Path file) throws IOException {
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
        }

        void write(CharSequence text) throws IOException {
            int n = text.length();
            if (length + n > chunk.length) {
                out.write(chunk, 0, length);
                length = 0;
            }
            for (int i = 0; i < n; i++) {
                chunk[length++] = (byte) text.charAt(i);
            }
            written += n;
        }

        @Override
        public void close() throws IOException {
            try (out) {
                out.write(chunk, 0, length);
            }
        }
    }
}
