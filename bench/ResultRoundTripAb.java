import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The result's round trip of two builds in one JVM, pass by pass in turn: each trip's result JSON (a run's
 * {@code trips/*.json}, the engine's bytes) read by {@code TripResultParser} and written by
 * {@code ResultFiles} (summary.json, violations.geojson, the Athena rows) into a sink that drops the
 * bytes, once with build A's classes, once with build B's, and so on; the CPU time of the thread per pass.
 * Two processes' CPU time moves with this shared machine's load by more than a change to the round trip
 * is worth; passes taken in turn in one process meet the same load, so the difference B - A of each pair
 * of neighbouring passes is what the comparison reads (median and quartiles over the pairs after the
 * first third, which warm up). Two homes of one commit give the method's own spread
 * (docs/BENCHMARKS.md, "The result's round trip").
 * <pre>
 * java -XX:TieredStopAtLevel=1 bench/ResultRoundTripAb.java TRIPS_DIR MATCHED PASSES HOME_A HOME_B
 * </pre>
 * HOME: a directory with drivelog.jar and lib/ (a copy of target/). C1 as the launcher runs {@code analyze}.
 */
public final class ResultRoundTripAb {
    private ResultRoundTripAb() {
    }

    public static void main(String[] args) throws Exception {
        List<byte[]> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                results.add(Files.readAllBytes(file));
            }
        }
        boolean matched = Boolean.parseBoolean(args[1]);
        int passes = Integer.parseInt(args[2]);
        Build a = new Build(Path.of(args[3]));
        Build b = new Build(Path.of(args[4]));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> msA = new ArrayList<>();
        List<Double> msB = new ArrayList<>();
        List<Double> diffs = new ArrayList<>();
        for (int pass = 0; pass < passes; pass++) {
            // The order within a pair alternates, so that neither build always runs just after the other.
            Build first = pass % 2 == 0 ? a : b;
            Build second = first == a ? b : a;
            long t0 = threads.getCurrentThreadCpuTime();
            first.roundTrip(results, matched);
            long t1 = threads.getCurrentThreadCpuTime();
            second.roundTrip(results, matched);
            long t2 = threads.getCurrentThreadCpuTime();
            double firstMs = (t1 - t0) / 1e6;
            double secondMs = (t2 - t1) / 1e6;
            double aMs = first == a ? firstMs : secondMs;
            double bMs = first == a ? secondMs : firstMs;
            if (pass >= passes / 3) {
                msA.add(aMs);
                msB.add(bMs);
                diffs.add(bMs - aMs);
            }
        }
        System.out.printf("%d results, matched=%s, %d pairs: A %.1f ms, B %.1f ms per pass (medians); B - A per pair: "
                        + "median %.1f ms (%.1f %%), quartiles %.1f..%.1f, range %.1f..%.1f%n",
                results.size(), matched, diffs.size(), median(msA), median(msB), median(diffs),
                100 * median(diffs) / median(msA), quantile(diffs, 0.25), quantile(diffs, 0.75),
                quantile(diffs, 0), quantile(diffs, 1));
    }

    private static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get((int) Math.round(q * (sorted.size() - 1)));
    }

    /** One build's classes in a loader of their own, called by reflection (a few calls per trip). */
    private static final class Build {
        private final Object parser;
        private final Method parse;
        private final Method analysed;
        private final Class<?> resultFiles;
        private final Class<?> sinkType;
        private final Class<?> outcomeType;
        private final ClassLoader loader;

        Build(Path home) throws Exception {
            List<URL> urls = new ArrayList<>();
            urls.add(home.resolve("drivelog.jar").toUri().toURL());
            try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
                for (Path jar : jars.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(jar.toUri().toURL());
                }
            }
            loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> parserType = loader.loadClass("dev.drivelog.analysis.result.TripResultParser");
            parser = parserType.getConstructor().newInstance();
            parse = parserType.getMethod("parse", byte[].class);
            Class<?> resultType = loader.loadClass("dev.drivelog.analysis.result.TripResult");
            outcomeType = loader.loadClass("dev.drivelog.output.TripOutcome");
            analysed = outcomeType.getMethod("analysed", String.class, String.class, int.class, resultType, byte[].class);
            resultFiles = loader.loadClass("dev.drivelog.output.ResultFiles");
            sinkType = loader.loadClass("dev.drivelog.job.OutputSink");
        }

        void roundTrip(List<byte[]> results, boolean matched) throws Exception {
            Object sink = Proxy.newProxyInstance(loader, new Class<?>[] {sinkType}, (proxy, method, args) -> switch (method.getName()) {
                case "open", "openDatasetPart" -> OutputStream.nullOutputStream();
                default -> method.isDefault() ? java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args)
                        : method.invoke(sinkType, args);
            });
            Object files = resultFiles.getConstructor(sinkType, String.class, boolean.class).newInstance(sink, "fleet.csv", matched);
            Method write = resultFiles.getMethod("write", outcomeType);
            Method tripId = parse.getReturnType().getMethod("tripId");
            for (byte[] json : results) {
                Object result = parse.invoke(parser, (Object) json);
                write.invoke(files, analysed.invoke(null, "vehicle", tripId.invoke(result), 0, result, json));
            }
            resultFiles.getMethod("finish", List.class).invoke(files, List.of());
        }
    }
}
