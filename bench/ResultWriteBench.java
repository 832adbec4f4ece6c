import dev.drivelog.analysis.result.TripResult;
import dev.drivelog.analysis.result.TripResultParser;
import dev.drivelog.job.OutputSink;
import dev.drivelog.output.ResultFiles;
import dev.drivelog.output.TripOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the engine's results cost the Java side after the engine: each trip's result JSON (a run's
 * {@code trips/*.json}, the engine's bytes) read by {@code TripResultParser} and written by
 * {@code ResultFiles} (summary.json, violations.geojson, the Athena rows) into a sink that discards the
 * bytes; CPU time of the thread per pass, median of the passes after the first quarter
 * (docs/BENCHMARKS.md, "The matched path's numbers copied"). Two builds are compared by running it on
 * each build's classes in turn, with the launcher's JIT for local files (C1):
 * <pre>
 * java -XX:TieredStopAtLevel=1 -cp 'target/classes:target/lib/*' bench/ResultWriteBench.java TRIPS_DIR MATCHED [PASSES]
 * </pre>
 */
public final class ResultWriteBench {
    private ResultWriteBench() {
    }

    public static void main(String[] args) throws IOException {
        List<byte[]> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                results.add(Files.readAllBytes(file));
            }
        }
        boolean matched = Boolean.parseBoolean(args[1]);
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 12;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        TripResultParser parser = new TripResultParser();
        List<Double> millis = new ArrayList<>();
        long bytes = 0;
        for (int pass = 0; pass < passes; pass++) {
            Discard sink = new Discard();
            long start = threads.getCurrentThreadCpuTime();
            ResultFiles files = new ResultFiles(sink, "fleet.csv", matched);
            for (byte[] json : results) {
                TripResult result = parser.parse(json);
                files.write(TripOutcome.analysed("vehicle", result.tripId(), 0, result, json));
            }
            files.finish(List.of());
            long cpu = threads.getCurrentThreadCpuTime() - start;
            if (pass >= passes / 4) {
                millis.add(cpu / 1e6);
            }
            bytes = sink.bytes;
        }
        millis.sort(null);
        System.out.printf("%d results, matched=%s, %d bytes written: CPU ms per pass median %.1f (%.1f-%.1f) of %d%n",
                results.size(), matched, bytes, millis.get(millis.size() / 2), millis.getFirst(), millis.getLast(), millis.size());
    }

    /** Counts the bytes and drops them. */
    private static final class Discard implements OutputSink {
        long bytes;

        @Override
        public OutputStream open(String fileName, String contentType) {
            return stream();
        }

        @Override
        public OutputStream openDatasetPart(String dataset, String partition, String contentType) {
            return stream();
        }

        private OutputStream stream() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    bytes++;
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes += len;
                }
            };
        }
    }
}
