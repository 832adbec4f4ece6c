package dev.drivelog.job;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.analysis.GridDrives;
import dev.drivelog.logs.Trip;
import dev.drivelog.output.DirectoryOutputSink;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's real analysis honours the output switches it is configured with through the environment. */
class DrivelogAnalysisProviderTest {
    @TempDir
    Path out;

    @Test
    void open_reportSwitchedOn_writesReportBesideSummary() throws Exception {
        Path inputDirectory = analyse(Map.of("DRIVELOG_MAP", GridDrives.map().toString(),
                "DRIVELOG_OUTPUT__REPORT", "true"));

        assertTrue(Files.exists(inputDirectory.resolve("summary.json")));
        String html = Files.readString(inputDirectory.resolve("report.html"));
        assertTrue(html.contains("<svg"), "the report draws the map as inline SVG");
        assertTrue(html.contains("speeding"), "the report lists the trip's speeding violation");
    }

    @Test
    void open_defaults_writesNoReport() throws Exception {
        Path inputDirectory = analyse(Map.of("DRIVELOG_MAP", GridDrives.map().toString()));

        assertTrue(Files.exists(inputDirectory.resolve("summary.json")));
        assertFalse(Files.exists(inputDirectory.resolve("report.html")));
    }

    private Path analyse(Map<String, String> environment) throws Exception {
        InputAnalysis analysis = new DrivelogAnalysisProvider().open(environment);
        DirectoryOutputSink sink = new DirectoryOutputSink(out, "speeding.csv");
        analysis.analyze("speeding.csv", new ByteArrayInputStream(csv(GridDrives.trips().getFirst())), sink);
        return sink.inputDirectory();
    }

    private static byte[] csv(Trip trip) {
        StringBuilder text = new StringBuilder("vehicle_id,time,lat,lon,speed\n");
        for (int i = 0; i < trip.count(); i++) {
            text.append(String.format(Locale.ROOT, "%s,%.3f,%.7f,%.7f,%.2f%n", trip.vehicleId(), trip.timeSeconds()[i],
                    trip.lat()[i], trip.lon()[i], trip.speedMps()[i]));
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
