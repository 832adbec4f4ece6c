package dev.drivelog.analysis;

import dev.drivelog.analysis.ffm.FfmAnalyzer;
import dev.drivelog.analysis.ffm.NativeMap;
import dev.drivelog.analysis.process.ProcessAnalyzer;
import dev.drivelog.logs.Trip;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Per-trip cost of the two bindings on one thread: the same trips through FFM and through a
 * {@code drivelog-analyze --serve} child, for trips of 10 to 10,000 points on the test grid. The
 * engine's own work is the same on both sides, so the difference is the binding's overhead
 * (copying, pipes, framing, context switches). CPU time is reported beside wall time because a
 * shared machine's load distorts wall time: for FFM the calling thread's CPU time, for the process
 * binding the calling thread's plus the child's. Not a test: run it by hand (docs/BENCHMARKS.md).
 */
public final class BindingOverheadBenchmark {
    private static final int[] POINTS = {10, 100, 1_000, 10_000};
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Wall and CPU microseconds per trip. */
    private record Cost(double wallMicros, double cpuMicros) {}

    public static void main(String[] args) throws Exception {
        double secondsPerMeasurement = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        double[][] backAndForth = new double[401][];
        for (int i = 0; i < backAndForth.length; i++) {
            backAndForth[i] = new double[] {GridDrives.ROW_0, i % 2 == 0 ? GridDrives.COL_0 : GridDrives.COL_2};
        }
        Trip longest = GridDrives.drive("bench", GridDrives.START, 12.0, backAndForth);
        System.out.println("| points per trip | FFM wall us | process wall us | FFM CPU us | process CPU us (parent + child) "
                + "| process - FFM CPU us | process/FFM CPU |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        NativeMap map = NativeMap.open(GridDrives.map());
        try (FfmAnalyzer ffm = new FfmAnalyzer(map, "");
             ProcessAnalyzer process = new ProcessAnalyzer(ProcessAnalyzer.serveCommand(
                     NativeLocation.tool("drivelog-analyze"), GridDrives.map(), List.of()), Duration.ofMinutes(10))) {
            for (int points : POINTS) {
                Trip trip = new Trip("bench", "bench-" + points, points, longest.timeSeconds(), longest.lat(),
                        longest.lon(), longest.speedMps(), longest.headingDeg(), longest.accuracyMeters());
                if (!ffm.analyze(trip).equals(process.analyze(trip))) {
                    throw new IllegalStateException("the bindings disagree on " + trip.tripId());
                }
                // Alternate the two so that changes in machine load hit both alike.
                double[] sums = new double[4];
                int rounds = 3;
                for (int round = 0; round < rounds; round++) {
                    Cost viaFfm = measure(ffm, trip, secondsPerMeasurement, -1);
                    Cost viaProcess = measure(process, trip, secondsPerMeasurement, process.childPid());
                    sums[0] += viaFfm.wallMicros();
                    sums[1] += viaProcess.wallMicros();
                    sums[2] += viaFfm.cpuMicros();
                    sums[3] += viaProcess.cpuMicros();
                }
                for (int i = 0; i < sums.length; i++) {
                    sums[i] /= rounds;
                }
                System.out.printf(Locale.ROOT, "| %,d | %.0f | %.0f | %.0f | %.0f | %.0f | %.2f |%n", points, sums[0], sums[1],
                        sums[2], sums[3], sums[3] - sums[2], sums[3] / sums[2]);
            }
        } finally {
            map.close();
        }
    }

    private static Cost measure(Analyzer analyzer, Trip trip, double seconds, long childPid) throws AnalysisException {
        for (int i = 0; i < 10; i++) {
            analyzer.analyze(trip);
        }
        long childCpuBefore = childCpuNanos(childPid);
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        int trips = 0;
        long now;
        do {
            analyzer.analyze(trip);
            trips++;
            now = System.nanoTime();
        } while (now < deadline);
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore + childCpuNanos(childPid) - childCpuBefore;
        return new Cost((now - start) / 1e3 / trips, cpu / 1e3 / trips);
    }

    private static long childCpuNanos(long pid) {
        if (pid < 0) {
            return 0;
        }
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("no CPU time for child " + pid));
    }
}
