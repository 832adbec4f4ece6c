package dev.drivelog.analysis;

import dev.drivelog.config.BindingConfig;
import dev.drivelog.config.BindingMode;
import dev.drivelog.logs.Trip;
import java.util.List;
import java.util.Locale;

/**
 * Per-trip cost of the two bindings on one thread: the same trips through FFM and through a
 * {@code drivelog-analyze --serve} child, for trips of 10 to 10,000 points on the test grid. The
 * difference is the binding's overhead (copying, pipes, framing, context switches); the engine's own
 * work is the same on both sides. Not a test: run it by hand (docs/BENCHMARKS.md, "Bindings").
 */
public final class BindingOverheadBenchmark {
    private static final int[] POINTS = {10, 100, 1_000, 10_000};

    public static void main(String[] args) throws Exception {
        double budgetSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
        double[][] backAndForth = new double[401][];
        for (int i = 0; i < backAndForth.length; i++) {
            backAndForth[i] = new double[] {GridDrives.ROW_0, i % 2 == 0 ? GridDrives.COL_0 : GridDrives.COL_2};
        }
        Trip longest = GridDrives.drive("bench", GridDrives.START, 12.0, backAndForth);
        BindingConfig ffmConfig = new BindingConfig(BindingMode.FFM, 1, 600);
        BindingConfig processConfig = new BindingConfig(BindingMode.PROCESS, 1, 600);
        System.out.println("| points per trip | FFM us/trip | process us/trip | process overhead us/trip | process/FFM |");
        System.out.println("|---:|---:|---:|---:|---:|");
        try (AnalyzerPool ffm = AnalyzerPools.open(ffmConfig, GridDrives.map(), List.of(), false);
             AnalyzerPool process = AnalyzerPools.open(processConfig, GridDrives.map(), List.of(), false)) {
            for (int points : POINTS) {
                Trip trip = new Trip("bench", "bench-" + points, points, longest.timeSeconds(), longest.lat(),
                        longest.lon(), longest.speedMps(), longest.headingDeg(), longest.accuracyMeters());
                if (!ffm.analyze(trip).equals(process.analyze(trip))) {
                    throw new IllegalStateException("the bindings disagree on " + trip.tripId());
                }
                // Alternate the two so that machine noise hits both alike.
                double ffmMicros = 0;
                double processMicros = 0;
                for (int round = 0; round < 3; round++) {
                    ffmMicros += microsPerTrip(ffm, trip, budgetSeconds / 6);
                    processMicros += microsPerTrip(process, trip, budgetSeconds / 6);
                }
                ffmMicros /= 3;
                processMicros /= 3;
                System.out.printf(Locale.ROOT, "| %,d | %.1f | %.1f | %.1f | %.2f |%n", points, ffmMicros, processMicros,
                        processMicros - ffmMicros, processMicros / ffmMicros);
            }
        }
    }

    private static double microsPerTrip(Analyzer analyzer, Trip trip, double seconds) throws AnalysisException {
        for (int i = 0; i < 20; i++) {
            analyzer.analyze(trip);
        }
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        int trips = 0;
        long now;
        do {
            analyzer.analyze(trip);
            trips++;
            now = System.nanoTime();
        } while (now < deadline);
        return (now - start) / 1e3 / trips;
    }
}
