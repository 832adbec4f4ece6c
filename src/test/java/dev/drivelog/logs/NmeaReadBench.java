package dev.drivelog.logs;

import dev.drivelog.config.LogsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What reading an NMEA log costs, sentences read where they lie in the reader's buffer against every
 * line decoded to a String (the reader before; still its path for what the byte level declines), in
 * one JVM: the parser over the file into a sink that counts points (epoch assembly included; no trip
 * splitting), the two ways alternating pass by pass so that both see the same load, CPU time of the
 * reading thread per point (docs/BENCHMARKS.md, "NMEA read in place"). Not a test; after
 * {@code ./mvnw package} and {@code test-compile}, with the launcher's JIT for local files (C1):
 * <pre>
 * java -XX:TieredStopAtLevel=1 -cp 'target/classes:target/test-classes:target/lib/*' \
 *     dev.drivelog.logs.NmeaReadBench FILE.nmea [PASSES]
 * </pre>
 * The first quarter of the passes of each way is warm-up and not counted.
 */
public final class NmeaReadBench {
    private NmeaReadBench() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Double> strings = new ArrayList<>();
        List<Double> inPlace = new ArrayList<>();
        for (int pass = 0; pass < 2 * passes; pass++) {
            boolean byteLevel = pass % 2 == 1;
            double nanosPerPoint = read(file, byteLevel);
            if (pass / 2 >= passes / 4) {
                (byteLevel ? inPlace : strings).add(nanosPerPoint);
            }
        }
        System.out.printf("%s: CPU ns per point, median (range) of %d passes each: a String per line %.0f (%.0f-%.0f), "
                        + "read in place %.0f (%.0f-%.0f)%n", file.getFileName(), strings.size(), median(strings),
                min(strings), max(strings), median(inPlace), min(inPlace), max(inPlace));
    }

    private static double read(Path file, boolean byteLevel) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] points = {0};
        PointSink sink = new PointSink() {
            @Override
            public void point(String vehicleId, double timeSeconds, double lat, double lon, float speedMps, float headingDeg,
                              float accuracyMeters, long line) {
                points[0]++;
            }

            @Override
            public void boundary(String vehicleId) {
            }
        };
        long start = threads.getCurrentThreadCpuTime();
        try (InputStream in = Files.newInputStream(file)) {
            new NmeaLogParser(LogsConfig.DEFAULTS, new ReadCounts(file.getFileName().toString(), 100), byteLevel).parse(in, sink);
        }
        return (double) (threads.getCurrentThreadCpuTime() - start) / points[0];
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(d -> d).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(d -> d).max().orElse(0);
    }
}
