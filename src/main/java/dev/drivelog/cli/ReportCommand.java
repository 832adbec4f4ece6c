package dev.drivelog.cli;

import dev.drivelog.config.ConfigException;
import dev.drivelog.config.ConfigLoader;
import dev.drivelog.config.DrivelogConfig;
import dev.drivelog.config.ReportConfig;
import dev.drivelog.fleet.FleetAggregator;
import dev.drivelog.fleet.FleetData;
import dev.drivelog.fleet.FleetDataReader;
import dev.drivelog.fleet.FleetSummary;
import dev.drivelog.reconcile.S3Uri;
import dev.drivelog.report.MapRoads;
import dev.drivelog.report.Messages;
import dev.drivelog.report.fleet.FleetPage;
import dev.drivelog.storage.S3Connection;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code drivelog report --fleet}: the fleet page over the datasets of a results location. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Builds one self-contained HTML page over the results of many inputs: vehicles ranked by safety "
                + "score with their trend, findings by type and severity, hot spots on a map, time of day and day of "
                + "week (docs/REPORT.md). Reads the violations and trip_summaries datasets of a `drivelog analyze --out` "
                + "directory or of the pipeline's S3 output prefix.",
            "Exit codes: 0 ok, 1 failed, 2 usage or config error."})
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--fleet", required = true, paramLabel = "RESULTS_DIR_OR_S3_PREFIX",
            description = "A `drivelog analyze --out` directory, or s3://BUCKET/PREFIX/ (the pipeline's output_prefix).")
    String fleet;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The page to write, e.g. fleet.html.")
    Path out;

    @Option(names = "--map", paramLabel = "MAP", description = "Map file: draws the roads under the hot spots (optional).")
    Path map;

    @Option(names = "--result-version", paramLabel = "V",
            description = "The result version to read (required when the location holds several).")
    String resultVersion;

    @Option(names = "--config", paramLabel = "FILE", description = "Config file: score weights, report language and time zone "
            + "(default: built-in defaults; see config/drivelog.yaml).")
    Path config;

    @Option(names = "--language", paramLabel = "LANG", description = "auto, en or ja (default: report.language).")
    String language;

    @Option(names = "--time-zone", paramLabel = "ZONE",
            description = "Zone for days, hours and weekdays, e.g. Asia/Tokyo (default: report.time_zone; auto: this machine's).")
    String timeZone;

    @Option(names = "--s3-endpoint", paramLabel = "URL", description = "S3 endpoint override (default: AWS_ENDPOINT_URL_S3).")
    URI s3Endpoint;

    /** The process environment; tests replace it. */
    Map<String, String> environment = System.getenv();
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        DrivelogConfig settings = loadConfig();
        ReportConfig report = reportConfig(settings.report());
        if (map != null && !Files.isRegularFile(map)) {
            throw new UsageException("--map " + map + ": no such file");
        }
        long startNanos = System.nanoTime();
        FleetData data = read();
        ZoneId zone = report.zoneOr(ZoneId.systemDefault());
        FleetSummary summary = new FleetAggregator(settings.score(), zone).aggregate(data);
        Path target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + ".partial");
        try (OutputStream stream = Files.newOutputStream(temporary)) {
            FleetPage.write(stream, summary, map == null ? null : new MapRoads(map), Messages.of(report, zone));
        } catch (Exception e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        err.printf(Locale.ROOT, "fleet page %s: %d vehicles, %d trips, %d findings, result version %s, %d unreadable lines, %.1f s%n",
                target, summary.vehicles().size(), data.trips().size(), data.findings().size(), data.resultVersion(),
                data.skippedLines(), (System.nanoTime() - startNanos) / 1e9);
        data.problems().forEach(p -> err.println("  " + p));
        return ExitCodes.OK;
    }

    private FleetData read() throws Exception {
        try {
            if (fleet.startsWith("s3://")) {
                S3Uri location = S3Uri.parse(fleet);
                S3Connection connection = s3Endpoint == null ? S3Connection.fromEnvironment(environment)
                        : new S3Connection(s3Endpoint, null, null, null, true, false);
                try (S3Client s3 = connection.s3Client(8)) {
                    return FleetDataReader.read(s3, location, resultVersion);
                }
            }
            Path root = Path.of(fleet);
            if (!Files.isDirectory(root)) {
                throw new UsageException("--fleet " + fleet + ": not a directory (nor s3://BUCKET/PREFIX)");
            }
            return FleetDataReader.read(root, resultVersion);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private ReportConfig reportConfig(ReportConfig configured) {
        try {
            return new ReportConfig(language == null ? configured.language() : language,
                    timeZone == null ? configured.timeZone() : timeZone);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace("report.language", "--language"));
        }
    }

    private DrivelogConfig loadConfig() {
        try {
            return config == null ? ConfigLoader.fromEnvironment(environment) : ConfigLoader.load(config, environment);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
