package dev.drivelog.logs;

import dev.drivelog.analysis.ffm.NativeNmeaScanner;
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
 * What reading an NMEA log costs three ways in one JVM: every line decoded to a String (the reader
 * before; still its path for what the others decline), sentences read where they lie in the reader's
 * buffer in Java, and decoded there by the native scanner (drivelog_nmea_scan): the parser over the
 * file into a sink that counts points (epoch assembly included; no trip splitting), the ways in turn
 * pass by pass so that all see the same load, CPU time of the reading thread per point
 * (docs/BENCHMARKS.md, "NMEA read in place", "NMEA read natively"). Not a test; after
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
        String[] ways = {"a String per line", "read in place", "native scanner"};
        List<List<Double>> nanos = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int pass = 0; pass < ways.length * passes; pass++) {
            int way = pass % ways.length;
            double nanosPerPoint = read(file, way);
            if (pass / ways.length >= passes / 4) {
                nanos.get(way).add(nanosPerPoint);
            }
        }
        StringBuilder line = new StringBuilder(file.getFileName() + ": CPU ns per point, median (range) of "
                + nanos.get(0).size() + " passes each:");
        for (int way = 0; way < ways.length; way++) {
            List<Double> n = nanos.get(way);
            line.append(String.format(" %s %.0f (%.0f-%.0f)%s", ways[way], median(n), min(n), max(n),
                    way + 1 < ways.length ? "," : ""));
        }
        System.out.println(line);
    }

    private static double read(Path file, int way) throws IOException {
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
            ReadCounts counts = new ReadCounts(file.getFileName().toString(), 100);
            NmeaLogParser parser = way == 2 ? new NmeaLogParser(LogsConfig.DEFAULTS, counts, NativeNmeaScanner.get())
                    : new NmeaLogParser(LogsConfig.DEFAULTS, counts, way == 1);
            parser.parse(in, sink);
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
