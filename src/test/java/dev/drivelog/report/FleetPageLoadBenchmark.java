package dev.drivelog.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drivelog.config.ReportConfig;
import dev.drivelog.config.ScoreConfig;
import dev.drivelog.fleet.FleetAggregator;
import dev.drivelog.fleet.FleetData;
import dev.drivelog.fleet.FleetDataReader;
import dev.drivelog.fleet.FleetSummary;
import dev.drivelog.fleet.SyntheticFleet;
import dev.drivelog.report.fleet.FleetPage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;

/**
 * Fleet page build and load time (bench/fleet-report.sh, docs/BENCHMARKS.md "Fleet page"): a results
 * directory of about N findings (50 vehicles over 28 days, 5 findings per trip on average, 20 inputs;
 * {@link SyntheticFleet}) read, aggregated and written in-process (median of three, after one warm-up),
 * then {@code bin/drivelog report --fleet} as a user runs it (JVM start included), then the page opened
 * three times in headless chromium. Prints one line per size.
 * Usage: {@code FleetPageLoadBenchmark <work dir> <findings>...}
 */
public final class FleetPageLoadBenchmark {
    private FleetPageLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Files.createDirectories(work);
        Files.writeString(work.resolve("blank.html"), "<!DOCTYPE html><title>blank</title>");
        Path repo = Path.of(System.getProperty("drivelog.repo.dir", "."));
        Path profile = Files.createTempDirectory(work, "profile");
        try (ChromeWebDriver browser = new ChromeWebDriver(profile, work.resolve("chromedriver.log"))) {
            for (int a = 1; a < args.length; a++) {
                int wanted = Integer.parseInt(args[a]);
                Path results = work.resolve("results-" + wanted);
                int findings = SyntheticFleet.write(results, 50, Math.max(50, wanted / 5), 28, 5, 20, 1);
                Path page = work.resolve("fleet-" + wanted + ".html");
                double[] buildMs = new double[3];
                for (int i = -1; i < 3; i++) {
                    long t0 = System.nanoTime();
                    FleetData data = FleetDataReader.read(results, null);
                    FleetSummary summary = new FleetAggregator(ScoreConfig.DEFAULTS, ZoneId.of("Asia/Tokyo")).aggregate(data);
                    try (OutputStream out = Files.newOutputStream(page)) {
                        FleetPage.write(out, summary, null, Messages.of(new ReportConfig("ja", "Asia/Tokyo"), ZoneId.of("UTC")));
                    }
                    if (i >= 0) {
                        buildMs[i] = (System.nanoTime() - t0) / 1e6;
                    }
                }
                long t0 = System.nanoTime();
                Process run = new ProcessBuilder(repo.resolve("bin/drivelog").toString(), "report", "--fleet", results.toString(),
                        "--out", page.toString()).redirectErrorStream(true).redirectOutput(work.resolve("report-" + wanted + ".txt").toFile())
                        .start();
                if (run.waitFor() != 0) {
                    throw new IllegalStateException("report failed: see " + work.resolve("report-" + wanted + ".txt"));
                }
                double cliSeconds = (System.nanoTime() - t0) / 1e9;
                double[] loadMs = new double[3];
                for (int i = 0; i < 3; i++) {
                    browser.open(work.resolve("blank.html").toAbsolutePath());
                    browser.open(page);
                    JsonNode timing = browser.script("const t = performance.getEntriesByType('navigation')[0];"
                            + "return t.loadEventEnd - t.startTime");
                    loadMs[i] = timing.asDouble();
                }
                Arrays.sort(buildMs);
                Arrays.sort(loadMs);
                System.out.printf(Locale.ROOT, "findings=%d trips=%d page_bytes=%d build_ms=%.0f cli_s=%.1f load_event_ms=%.0f%n",
                        findings, Math.max(50, wanted / 5), Files.size(page), buildMs[1], cliSeconds, loadMs[1]);
            }
        }
    }
}
