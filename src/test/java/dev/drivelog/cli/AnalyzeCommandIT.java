package dev.drivelog.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.analysis.GridDrives;
import dev.drivelog.logs.Trip;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/drivelog analyze} end to end: the packaged jar, the launcher, the native library and tool. */
class AnalyzeCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path map;
    static Path single;
    static Path fleet;

    /** What one run of the launcher did. */
    record Run(int exitCode, String stdout, String stderr) {}

    @BeforeAll
    static void writeInputs() throws Exception {
        map = GridDrives.map();
        List<Trip> trips = GridDrives.trips();
        single = dir.resolve("speeding.csv");
        try (Writer out = Files.newBufferedWriter(single)) {
            out.write("time,lat,lon,speed,heading,accuracy\n");
            writeRows(out, trips.getFirst(), null);
        }
        // A fleet dump: two vehicles interleaved, gzip-compressed.
        fleet = dir.resolve("fleet.csv.gz");
        try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(fleet));
             Writer out = new java.io.OutputStreamWriter(gzip, StandardCharsets.UTF_8)) {
            out.write("vehicle_id,time,lat,lon,speed,heading,accuracy\n");
            for (int i = 1; i < trips.size(); i++) {
                writeRows(out, trips.get(i), i % 2 == 0 ? "van-even" : "van-odd");
            }
        }
    }

    private static void writeRows(Writer out, Trip trip, String vehicle) throws IOException {
        for (int i = 0; i < trip.count(); i++) {
            out.write(String.format(Locale.ROOT, "%s%s,%.7f,%.7f,%.2f,%.1f,%.1f%n", vehicle == null ? "" : vehicle + ",",
                    Instant.ofEpochSecond((long) trip.timeSeconds()[i]), trip.lat()[i], trip.lon()[i],
                    trip.speedMps()[i], trip.headingDeg()[i], trip.accuracyMeters()[i]));
        }
    }

    private static Run drivelog(String... args) throws Exception {
        Path repo = Path.of(System.getProperty("drivelog.repo.dir", "."));
        List<String> command = new ArrayList<>(List.of(repo.resolve("bin/drivelog").toString()));
        command.addAll(List.of(args));
        Path stdout = Files.createTempFile(dir, "stdout", ".txt");
        Path stderr = Files.createTempFile(dir, "stderr", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        int exit = process.waitFor();
        return new Run(exit, Files.readString(stdout), Files.readString(stderr));
    }

    @Test
    void analyze_singleTripAndFleetDump_writesEveryOutputAndPrintsATable() throws Exception {
        Path out = dir.resolve("out-ffm");
        Run run = drivelog("analyze", "--map", map.toString(), "--out", out.toString(), "--threads", "2",
                "--matched", "--stats", single.toString(), fleet.toString());

        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().lines().anyMatch(l -> l.startsWith("trip ") && l.contains("violations")), run.stdout());
        assertTrue(run.stdout().lines().anyMatch(l -> l.contains("speeding=")), run.stdout());
        assertTrue(run.stdout().lines().anyMatch(l -> l.startsWith("van-odd/")), run.stdout());
        JsonNode stats = JSON.readTree(run.stderr().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals(2, stats.get("threads").asInt());
        assertTrue(stats.get("points").asLong() > 0 && stats.get("points_per_second").asDouble() > 0, stats.toString());
        // The process's CPU per input, in the inputs' order: what bench/analyze-e2e.sh fits a copy's cost from.
        assertEquals(2, stats.get("input_cpu_s").size(), stats.toString());
        stats.get("input_cpu_s").forEach(seconds -> assertTrue(seconds.asDouble() > 0, stats.toString()));

        JsonNode summary = JSON.readTree(out.resolve("speeding.csv/summary.json").toFile());
        assertEquals("drivelog.summary/1", summary.get("schema").asText());
        assertEquals(1, summary.get("totals").get("trips").asInt());
        assertTrue(summary.get("totals").get("violations_by_type").get("speeding").asInt() >= 1, summary.toString());
        JsonNode geo = JSON.readTree(out.resolve("speeding.csv/violations.geojson").toFile());
        assertEquals("FeatureCollection", geo.get("type").asText());
        List<String> geometries = new ArrayList<>();
        geo.get("features").forEach(f -> geometries.add(f.get("geometry").get("type").asText()));
        assertTrue(geometries.contains("Point") && geometries.contains("LineString"), geometries.toString());
        try (var versions = Files.list(out.resolve("violations"))) {
            // One result version (engine, map, settings), the same layout the pipeline writes to S3.
            List<Path> all = versions.toList();
            assertEquals(1, all.size(), all.toString());
            Path version = all.getFirst();
            assertTrue(version.getFileName().toString().matches("result_version=drivelog-[0-9.]+-[0-9a-f]{12}"), version.toString());
            assertTrue(Files.readString(version.resolve("dt=2026-11-20/speeding.csv.jsonl")).contains("\"type\":\"speeding\""));
        }
        assertTrue(Files.isRegularFile(out.resolve("trips/speeding.json")), "per-trip result for evaluate");
        JsonNode fleetSummary = JSON.readTree(out.resolve("fleet.csv.gz/summary.json").toFile());
        assertEquals(4, fleetSummary.get("totals").get("trips").asInt(), "two vans, two trips each");
    }

    @Test
    void analyze_processMode_writesTheSameSummaryAsFfm() throws Exception {
        Path ffmOut = dir.resolve("parity-ffm");
        Path processOut = dir.resolve("parity-process");
        assertEquals(0, drivelog("analyze", "--map", map.toString(), "--out", ffmOut.toString(), "--mode", "ffm",
                single.toString(), fleet.toString()).exitCode());
        Run process = drivelog("analyze", "--map", map.toString(), "--out", processOut.toString(), "--mode", "process",
                single.toString(), fleet.toString());
        assertEquals(0, process.exitCode(), process.stderr());

        for (String file : List.of("speeding.csv/summary.json", "fleet.csv.gz/summary.json", "fleet.csv.gz/violations.geojson")) {
            assertEquals(Files.readString(ffmOut.resolve(file)), Files.readString(processOut.resolve(file)), file);
        }
    }

    @Test
    void analyze_oneUnreadableInput_exitsOneAndStillWritesTheOthers() throws Exception {
        Path junk = Files.write(dir.resolve("junk.csv"), new byte[] {0, 1, 2, (byte) 0xfe, 0, 9, 9, 9});
        Path out = dir.resolve("out-partial");

        Run run = drivelog("analyze", "--map", map.toString(), "--out", out.toString(), junk.toString(), single.toString());

        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("junk.csv failed"), run.stderr());
        assertTrue(Files.isRegularFile(out.resolve("speeding.csv/summary.json")));
        assertTrue(Files.notExists(out.resolve("junk.csv/summary.json")), "no output of a failed input");
    }

    @Test
    void analyze_damagedMap_exitsTwo() throws Exception {
        Path damaged = Files.writeString(dir.resolve("damaged.dlmap"), "not a map");

        Run run = drivelog("analyze", "--map", damaged.toString(), single.toString());

        assertEquals(2, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("damaged.dlmap"), run.stderr());
    }
}
