package dev.drivelog.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drivelog.analysis.GridDrives;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Report size and load time (bench/report.sh, docs/BENCHMARKS.md "Report"): trips of N points
 * looping around the grid map with 5 m GPS noise and speeds between about 8 and 16 m/s, analysed
 * by {@code bin/drivelog analyze --report}, the page opened in headless chromium three times;
 * prints one line per size.
 * Usage: {@code ReportLoadBenchmark <work dir> <points>...}
 */
public final class ReportLoadBenchmark {
    private ReportLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Files.createDirectories(work);
        Path map = GridDrives.map();
        Path repo = Path.of(System.getProperty("drivelog.repo.dir", "."));
        Path profile = Files.createTempDirectory(work, "profile");
        try (ChromeWebDriver browser = new ChromeWebDriver(profile, work.resolve("chromedriver.log"))) {
            for (int a = 1; a < args.length; a++) {
                int points = Integer.parseInt(args[a]);
                Path log = work.resolve("loop-" + points + ".csv");
                writeLoop(log, points);
                Path out = work.resolve("out-" + points);
                long start = System.nanoTime();
                Process run = new ProcessBuilder(repo.resolve("bin/drivelog").toString(), "analyze", "--report", "--map",
                        map.toString(), "--out", out.toString(), log.toString()).redirectErrorStream(true)
                        .redirectOutput(work.resolve("analyze-" + points + ".txt").toFile()).start();
                if (run.waitFor() != 0) {
                    throw new IllegalStateException("analyze failed: see " + work.resolve("analyze-" + points + ".txt"));
                }
                double analyzeSeconds = (System.nanoTime() - start) / 1e9;
                Path page = out.resolve(log.getFileName() + "/report.html");
                double[] loadMs = new double[3];
                double[] navigateMs = new double[3];
                for (int i = 0; i < 3; i++) {
                    browser.open(work.resolve("blank.html").toAbsolutePath());
                    long t0 = System.nanoTime();
                    browser.open(page);
                    navigateMs[i] = (System.nanoTime() - t0) / 1e6;
                    JsonNode timing = browser.script("const t = performance.getEntriesByType('navigation')[0];"
                            + "return t.loadEventEnd - t.startTime");
                    loadMs[i] = timing.asDouble();
                }
                Arrays.sort(loadMs);
                Arrays.sort(navigateMs);
                System.out.printf(Locale.ROOT, "points=%d page_bytes=%d analyze_s=%.1f load_event_ms=%.0f navigate_ms=%.0f%n",
                        points, Files.size(page), analyzeSeconds, loadMs[1], navigateMs[1]);
            }
        }
    }

    private static void writeLoop(Path file, int points) throws Exception {
        Files.writeString(file.resolveSibling("blank.html"), "<!DOCTYPE html><title>blank</title>");
        double[][] corners = {{GridDrives.ROW_0, GridDrives.COL_0}, {GridDrives.ROW_0, GridDrives.COL_2},
                {GridDrives.ROW_2, GridDrives.COL_2}, {GridDrives.ROW_2, GridDrives.COL_0}};
        Random noise = new Random(1);
        double metersPerDegree = 111_195.0;
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("vehicle_id,time,lat,lon,speed\n");
            int written = 0;
            int leg = 0;
            double fraction = 0;
            while (written < points) {
                double speedMps = 12 + 4 * Math.sin(written / 60.0) + noise.nextGaussian() * 0.5;
                double[] from = corners[leg % 4];
                double[] to = corners[(leg + 1) % 4];
                double lengthMeters = Math.hypot((to[0] - from[0]) * metersPerDegree,
                        (to[1] - from[1]) * metersPerDegree * Math.cos(Math.toRadians(from[0])));
                double lat = from[0] + fraction * (to[0] - from[0]) + noise.nextGaussian() * 5 / metersPerDegree;
                double lon = from[1] + fraction * (to[1] - from[1]) + noise.nextGaussian() * 5 / metersPerDegree / 0.61;
                out.write(String.format(Locale.ROOT, "loop-car,%s,%.7f,%.7f,%.1f%n",
                        Instant.ofEpochSecond((long) GridDrives.START + written), lat, lon, speedMps));
                written++;
                fraction += speedMps / lengthMeters;
                if (fraction >= 1) {
                    fraction = 0;
                    leg++;
                }
            }
        }
    }
}
