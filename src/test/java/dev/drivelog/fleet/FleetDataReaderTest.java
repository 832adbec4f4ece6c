package dev.drivelog.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.reconcile.S3Uri;
import dev.drivelog.score.Finding;
import dev.drivelog.storage.LocalS3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetDataReaderTest {
    @TempDir
    Path out;

    private void writePart(String dataset, String version, String day, String name, String... lines) throws IOException {
        Path file = out.resolve(dataset + "/result_version=" + version + "/dt=" + day + "/" + name + ".jsonl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    private static final String TRIP = "{\"input\":\"a.csv\",\"vehicle_id\":\"car-1\",\"trip_id\":\"car-1/1\",\"start_time\":1795161600,"
            + "\"distance_m\":12000,\"duration_s\":900,\"violations\":1}";
    private static final String SPEEDING = "{\"input\":\"a.csv\",\"vehicle_id\":\"car-1\",\"trip_id\":\"car-1/1\",\"type\":\"speeding\","
            + "\"start_time\":1795161700,\"lat\":35.66,\"lon\":139.70,\"osm_way_id\":42,\"road_name\":\"明治通り\"}";

    @Test
    void read_rowsWithoutCategoryOrSeverity_areUnratedViolations() throws IOException {
        writePart("trip_summaries", "v1", "2026-11-20", "a.csv", TRIP);
        writePart("violations", "v1", "2026-11-20", "a.csv", SPEEDING);

        FleetData data = FleetDataReader.read(out, null);

        assertEquals("v1", data.resultVersion());
        assertEquals(1, data.trips().size());
        assertEquals(12000, data.trips().getFirst().distanceM());
        Finding finding = data.findings().getFirst();
        assertEquals("violation", finding.category());
        assertEquals("unrated", finding.severity());
        assertEquals("way/42", finding.place());
        assertEquals("明治通り", finding.roadName());
    }

    @Test
    void read_eventWithSeverityAtAStopSign_keepsThemAndTheJunction() throws IOException {
        writePart("trip_summaries", "v1", "2026-11-20", "a.csv", TRIP);
        writePart("violations", "v1", "2026-11-20", "a.csv", SPEEDING.replace("\"speeding\"", "\"stop_sign\"")
                .replace("}", ",\"stop_osm_node_id\":77,\"category\":\"violation\",\"severity\":\"heavy\"}"));

        Finding finding = FleetDataReader.read(out, null).findings().getFirst();

        assertEquals("heavy", finding.severity());
        assertEquals("node/77", finding.place());
    }

    @Test
    void read_twoResultVersionsWithoutChoice_isRefusedNamingBoth() throws IOException {
        writePart("trip_summaries", "v1", "2026-11-20", "a.csv", TRIP);
        writePart("trip_summaries", "v2", "2026-11-20", "a.csv", TRIP);

        String message = assertThrows(IllegalArgumentException.class, () -> FleetDataReader.read(out, null)).getMessage();

        assertTrue(message.contains("[v1, v2]") && message.contains("--result-version"), message);
        assertEquals(1, FleetDataReader.read(out, "v2").trips().size(), "one version chosen: only its rows");
    }

    @Test
    void read_unknownVersionOrNoDataset_isRefusedSayingWhatIsThere() throws IOException {
        String empty = assertThrows(IllegalArgumentException.class, () -> FleetDataReader.read(out, null)).getMessage();
        writePart("trip_summaries", "v1", "2026-11-20", "a.csv", TRIP);
        String unknown = assertThrows(IllegalArgumentException.class, () -> FleetDataReader.read(out, "v9")).getMessage();

        assertTrue(empty.contains("no results under " + out), empty);
        assertTrue(unknown.contains("'v9' not found") && unknown.contains("[v1]"), unknown);
    }

    @Test
    void read_damagedLines_areSkippedAndNamedByFileAndLine() throws IOException {
        writePart("trip_summaries", "v1", "2026-11-20", "a.csv", TRIP, "{\"trip_id\":\"x\",\"start_time\":\"soon\",\"distance_m\":1}");
        writePart("violations", "v1", "2026-11-20", "a.csv", SPEEDING, "{not json", "[1,2]", "{\"start_time\":1}");

        FleetData data = FleetDataReader.read(out, null);

        assertEquals(1, data.trips().size());
        assertEquals(1, data.findings().size());
        assertEquals(4, data.skippedLines());
        assertEquals(4, data.problems().size());
        assertTrue(data.problems().getFirst().startsWith("trip_summaries/result_version=v1/dt=2026-11-20/a.csv.jsonl line 2: skipped, "
                + "start_time is not a number"), data.problems().getFirst());
        assertTrue(data.problems().get(1).startsWith("violations/result_version=v1/dt=2026-11-20/a.csv.jsonl line 2: skipped"),
                data.problems().get(1));
        assertTrue(data.problems().get(3).endsWith("line 4: skipped, no type"), data.problems().get(3));
    }

    @Test
    void read_unfinishedPartialFiles_areNotRead() throws IOException {
        writePart("trip_summaries", "v1", "2026-11-20", "a.csv", TRIP);
        Files.writeString(out.resolve("trip_summaries/result_version=v1/dt=2026-11-20/.b.csv.jsonl.partial"), "{broken");

        assertEquals(0, FleetDataReader.read(out, null).skippedLines());
    }

    @Test
    void read_s3Prefix_readsWhatTheDirectoryHolds() throws Exception {
        SyntheticFleet.write(out, 4, 30, 3, 1.0, 2, 5);
        FleetData local = FleetDataReader.read(out, null);
        try (LocalS3 s3 = LocalS3.start(); Stream<Path> files = Files.walk(out)) {
            s3.createBucket("results");
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                s3.put("results", "fleet/results/" + out.relativize(file), Files.readAllBytes(file));
            }

            FleetData remote = FleetDataReader.read(s3.client(), S3Uri.parse("s3://results/fleet/results"), null);

            assertEquals(local.trips(), remote.trips());
            assertEquals(local.findings(), remote.findings());
            assertEquals("s3://results/fleet/results", remote.source());
            assertTrue(local.findings().size() > 10);
        }
    }

    @Test
    void read_findingsOfTwoInputsAndDays_allRead() throws IOException {
        writePart("trip_summaries", "v1", "2026-11-20", "a.csv", TRIP);
        writePart("violations", "v1", "2026-11-20", "a.csv", SPEEDING);
        writePart("violations", "v1", "2026-11-21", "b.csv", SPEEDING, SPEEDING);

        assertEquals(List.of(1795161700.0, 1795161700.0, 1795161700.0),
                FleetDataReader.read(out, null).findings().stream().map(Finding::startTime).toList());
    }
}
