import dev.drivelog.analysis.ffm.NativeGpxScanner;
import dev.drivelog.config.LogsConfig;
import dev.drivelog.logs.GpxScanner;
import dev.drivelog.logs.TripReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What reading a GPX log costs the Java side, with and without the native scanner, in one JVM:
 * {@code TripReader} over the file (reading, trip splitting and cleaning; the trips are dropped), the
 * two ways alternating pass by pass so that both see the same load, CPU time of the reading thread
 * per point (docs/BENCHMARKS.md, "GPX read natively up to a safe point"); JsonLinesReadBench's twin.
 * Run after {@code ./mvnw package}, with the launcher's JIT for local files (C1):
 * <pre>
 * java -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED -Ddrivelog.native.dir=target/native \
 *     -cp 'target/classes:target/lib/*' bench/GpxReadBench.java FILE.gpx [PASSES]
 * </pre>
 * The first quarter of the passes of each way is warm-up and not counted.
 */
public final class GpxReadBench {
    private GpxReadBench() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        GpxScanner scanner = NativeGpxScanner.get();
        List<Double> java = new ArrayList<>();
        List<Double> scanned = new ArrayList<>();
        for (int pass = 0; pass < 2 * passes; pass++) {
            boolean withScanner = pass % 2 == 1;
            double nanosPerPoint = read(file, withScanner ? scanner : null);
            if (pass / 2 >= passes / 4) {
                (withScanner ? scanned : java).add(nanosPerPoint);
            }
        }
        System.out.printf("%s: CPU ns per point, median (range) of %d passes each: Aalto alone %.0f (%.0f-%.0f), "
                        + "with the native scanner %.0f (%.0f-%.0f)%n", file.getFileName(), java.size(), median(java),
                java.stream().mapToDouble(d -> d).min().orElse(0), java.stream().mapToDouble(d -> d).max().orElse(0),
                median(scanned), scanned.stream().mapToDouble(d -> d).min().orElse(0),
                scanned.stream().mapToDouble(d -> d).max().orElse(0));
    }

    private static double read(Path file, GpxScanner scanner) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] points = {0};
        long start = threads.getCurrentThreadCpuTime();
        try (InputStream in = Files.newInputStream(file)) {
            new TripReader(LogsConfig.DEFAULTS, null, null, scanner).read(file.getFileName().toString(), in, null,
                    trip -> points[0] += trip.count());
        } catch (dev.drivelog.logs.UnreadableLogException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return (double) (threads.getCurrentThreadCpuTime() - start) / points[0];
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
