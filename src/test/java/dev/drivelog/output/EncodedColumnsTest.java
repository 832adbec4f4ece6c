package dev.drivelog.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.drivelog.analysis.result.Evidence;
import dev.drivelog.analysis.result.Violation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A finding's columns are encoded once and copied into the GeoJSON's properties and the Athena row: the
 * copies must be what writing the columns on those files' generators gave, byte for byte.
 */
class EncodedColumnsTest {
    private static final String[] NAMES = {"", "Main Street", "Unter den Linden", "Straße \"A\" \\ 2", "東京 通り",
            "tab\tnew\nline", "emoji 🚗", "\u0001control"};

    @Test
    void encode_manyFindingsOneAfterAnother_sameBytesAsWritingTheColumnsOnEachFilesGenerator() throws IOException {
        EncodedColumns columns = new EncodedColumns();
        Random random = new Random(14);
        for (int i = 0; i < 2_000; i++) {
            Violation finding = finding(random);
            String category = random.nextBoolean() ? ViolationColumns.VIOLATION : ViolationColumns.EVENT;
            String input = NAMES[random.nextInt(NAMES.length)] + ".csv";

            columns.encode(input, "vehicle-" + i, "vehicle-" + i + "/2026-11-21T08:00:00Z", category, finding);

            String encoded = new String(columns.text(), 0, columns.length(), StandardCharsets.UTF_8);
            assertEquals(written(input, i, category, finding), encoded, "finding " + i);
        }
        columns.close();
    }

    @Test
    void resultFiles_athenaRowAndGeoJsonProperties_asWrittenFieldByField() throws IOException {
        MemoryOutputSink sink = new MemoryOutputSink();
        ResultFiles files = new ResultFiles(sink, "fleet.csv", false);
        Random random = new Random(7);
        List<Violation> violations = new ArrayList<>();
        List<Violation> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            (i % 3 == 0 ? events : violations).add(finding(random));
        }
        var result = new dev.drivelog.analysis.result.TripResult(dev.drivelog.analysis.result.TripResult.SCHEMA, "v/t",
                "0.4.3", new dev.drivelog.analysis.result.TripSummary(1, 1, 1, 1, 1, 1, 1, 1795161600.0, 1795161601.0, null,
                        null, null), violations, events, List.of());
        files.write(TripOutcome.analysed("v", "v/t", 1, result, "{}".getBytes(StandardCharsets.UTF_8)));
        files.finish(List.of());

        StringBuilder rows = new StringBuilder();
        StringBuilder points = new StringBuilder();
        List<Violation> all = new ArrayList<>(violations);
        all.addAll(events);
        for (int i = 0; i < all.size(); i++) {
            String category = i < violations.size() ? ViolationColumns.VIOLATION : ViolationColumns.EVENT;
            String columns = written("fleet.csv", "v", "v/t", category, all.get(i));
            String day = "dt=" + ViolationColumns.day(all.get(i).startTime());
            rows.append(day).append(' ').append(columns).append('\n');
            points.append("\"properties\":{\"feature\":\"").append(category).append("\",")
                    .append(columns, 1, columns.length());
        }
        StringBuilder actualRows = new StringBuilder();
        for (String file : sink.closedFiles.keySet()) {
            if (file.startsWith("violations/")) {
                for (String line : sink.file(file).split("\n")) {
                    actualRows.append(file.substring("violations/".length())).append(' ').append(line).append('\n');
                }
            }
        }
        assertEquals(sorted(rows.toString()), sorted(actualRows.toString()));
        String geoJson = sink.file("violations.geojson");
        StringBuilder actualPoints = new StringBuilder();
        for (int at = geoJson.indexOf("\"properties\":"); at >= 0; at = geoJson.indexOf("\"properties\":", at + 1)) {
            actualPoints.append(geoJson, at, geoJson.indexOf("}}", at) + 1);
        }
        assertEquals(points.toString(), actualPoints.toString());
    }

    private static String sorted(String lines) {
        return String.join("\n", lines.lines().sorted().toList());
    }

    private static String written(String input, int i, String category, Violation finding) throws IOException {
        return written(input, "vehicle-" + i, "vehicle-" + i + "/2026-11-21T08:00:00Z", category, finding);
    }

    /** The columns as the writers wrote them before: field by field on the file's own generator. */
    private static String written(String input, String vehicle, String trip, String category, Violation finding)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = ResultJson.generator(out)) {
            json.writeStartObject();
            ViolationColumns.write(json, input, vehicle, trip, category, finding);
            json.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Violation finding(Random random) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        int keys = random.nextInt(6);
        for (int k = 0; k < keys; k++) {
            String key = switch (random.nextInt(4)) {
                case 0 -> "limit_kmh";
                case 1 -> "input"; // clashes with a fixed column
                case 2 -> "road_" + k;
                default -> "note_" + k;
            };
            evidence.put(key, switch (random.nextInt(5)) {
                case 0 -> random.nextInt(200) + 0.5;
                case 1 -> (long) random.nextInt(1_000_000);
                case 2 -> NAMES[random.nextInt(NAMES.length)];
                case 3 -> random.nextBoolean();
                default -> null;
            });
        }
        List<Long> ways = new ArrayList<>();
        for (int w = random.nextInt(3); w > 0; w--) {
            ways.add(random.nextLong(1, 1L << 40));
        }
        double start = 1795161600 + random.nextInt(200_000) + random.nextInt(10) / 10.0;
        return new Violation(random.nextBoolean() ? "speeding" : "harsh_braking", start, start + random.nextInt(60),
                52 + random.nextInt(1_000_000) / 1e6, 13 + random.nextInt(1_000_000) / 1e6, ways,
                NAMES[random.nextInt(NAMES.length)], random.nextInt(101) / 100.0,
                random.nextBoolean() ? "moderate" : null, Evidence.of(evidence));
    }
}
