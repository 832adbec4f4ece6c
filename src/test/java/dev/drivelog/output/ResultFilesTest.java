package dev.drivelog.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.analysis.result.TripResult;
import dev.drivelog.analysis.result.TripResultParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResultFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The outcome's engine text: these tests read only its records. */
    private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);
    private final MemoryOutputSink sink = new MemoryOutputSink();

    private static TripResult fixture(String name) throws IOException {
        try (InputStream in = ResultFilesTest.class.getResourceAsStream("/results/" + name)) {
            return new TripResultParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private List<String> writeThreeTrips(boolean matched) throws IOException {
        ResultFiles files = new ResultFiles(sink, "fleet.csv", matched);
        TripResult first = fixture("speeding-and-stop.json");
        files.write(TripOutcome.analysed("vehicle-7", first.tripId(), 3600, first, EMPTY_JSON));
        files.write(TripOutcome.failed("vehicle-9", "vehicle-9/2026-11-20T09:00:00Z", 12, "native analyzer crashed"));
        TripResult third = fixture("across-midnight.json");
        files.write(TripOutcome.analysed("van-2", third.tripId(), 1200, third, EMPTY_JSON));
        return files.finish(List.of("fleet.csv line 17: unreadable time 'yesterday'"));
    }

    @Test
    void finish_beforeFinish_noFileIsComplete() throws IOException {
        ResultFiles files = new ResultFiles(sink, "fleet.csv", false);
        TripResult first = fixture("speeding-and-stop.json");
        files.write(TripOutcome.analysed("vehicle-7", first.tripId(), 3600, first, EMPTY_JSON));

        assertEquals(Map.of(), sink.closedFiles);
    }

    @Test
    void finish_threeTrips_listsEveryFileWritten() throws IOException {
        List<String> written = writeThreeTrips(false);

        assertEquals(List.of("summary.json", "violations.geojson", "violations/dt=2026-11-20",
                "violations/dt=2026-11-21", "violations/dt=2026-11-22", "trip_summaries/dt=2026-11-20",
                "trip_summaries/dt=2026-11-21"), written);
        assertEquals(sink.closedFiles.keySet(), Set.copyOf(written));
        assertEquals("application/geo+json", sink.contentTypes.get("violations.geojson"));
    }

    @Test
    void summary_threeTrips_hasSchemaTripsTotalsAndProblems() throws IOException {
        writeThreeTrips(false);
        JsonNode summary = JSON.readTree(sink.file("summary.json"));

        assertEquals("drivelog.summary/1", summary.get("schema").asText());
        assertEquals("fleet.csv", summary.get("input").asText());
        assertEquals(3, summary.get("trips").size());
        JsonNode first = summary.get("trips").get(0);
        assertEquals("analysed", first.get("status").asText());
        assertEquals(3590, first.get("summary").get("points_used").asLong());
        assertEquals("gaps", first.get("summary").get("quality").get("flags").get(0).asText());
        assertEquals(2, first.get("violations").size());
        assertEquals(71.2, first.get("violations").get(0).get("evidence").get("max_speed_kmh").asDouble());
        JsonNode failed = summary.get("trips").get(1);
        assertEquals("failed", failed.get("status").asText());
        assertEquals("native analyzer crashed", failed.get("error").asText());
        assertFalse(failed.has("summary"));
        JsonNode totals = summary.get("totals");
        assertEquals(3, totals.get("trips").asInt());
        assertEquals(1, totals.get("failed_trips").asInt());
        assertEquals(3600 + 12 + 1200, totals.get("points").asLong());
        assertEquals(23120.5 + 15010.25, totals.get("distance_m").asDouble(), 1e-9);
        assertEquals(4, totals.get("violations").asInt());
        assertEquals(1, totals.get("violations_by_type").get("turn_restriction").asInt());
        assertEquals("0.1.0", summary.get("engine_version").asText());
        assertEquals("fleet.csv line 17: unreadable time 'yesterday'", summary.get("problems").get(0).asText());
    }

    @Test
    void summary_times_areWrittenInPlainNotation() throws IOException {
        writeThreeTrips(false);

        String text = sink.file("summary.json");
        assertTrue(text.contains("\"start_time\":1795161600,"), text);
        assertFalse(text.contains("E9"), "no scientific notation");
    }

    @Test
    void geoJson_violations_areRfc7946PointsWithLonLatOrder() throws IOException {
        writeThreeTrips(false);
        JsonNode collection = JSON.readTree(sink.file("violations.geojson"));

        assertEquals("FeatureCollection", collection.get("type").asText());
        assertFalse(collection.has("crs"), "RFC 7946 drops crs");
        JsonNode features = collection.get("features");
        assertEquals(4, features.size(), "one Point per violation, none for the failed trip");
        for (JsonNode feature : features) {
            assertEquals("Feature", feature.get("type").asText());
            assertEquals("Point", feature.get("geometry").get("type").asText());
            assertEquals(2, feature.get("geometry").get("coordinates").size());
            assertTrue(feature.get("properties").isObject());
        }
        JsonNode speeding = features.get(0);
        assertEquals(13.3779, speeding.get("geometry").get("coordinates").get(0).asDouble(), "longitude first");
        assertEquals(52.5161, speeding.get("geometry").get("coordinates").get(1).asDouble(), "latitude second");
        JsonNode properties = speeding.get("properties");
        assertEquals("speeding", properties.get("type").asText());
        assertEquals("vehicle-7", properties.get("vehicle_id").asText());
        assertEquals("2026-11-20T08:05:00Z", properties.get("start_time_iso").asText());
        assertEquals(4045149, properties.get("osm_way_id").asLong());
        assertEquals(50.0, properties.get("limit_kmh").asDouble(), "evidence flattened into properties");
    }

    @Test
    void geoJson_evidenceKeyClashingWithFixedColumn_isPrefixed() throws IOException {
        writeThreeTrips(false);
        JsonNode stop = JSON.readTree(sink.file("violations.geojson")).get("features").get(1).get("properties");

        assertEquals("fleet.csv", stop.get("input").asText());
        assertEquals("clashes with a fixed column", stop.get("evidence_input").asText());
    }

    @Test
    void geoJson_withMatched_addsLineStringsWithWayIdsAndNames() throws IOException {
        writeThreeTrips(true);
        JsonNode features = JSON.readTree(sink.file("violations.geojson")).get("features");

        List<JsonNode> lines = new ArrayList<>();
        features.forEach(f -> {
            if (f.get("geometry").get("type").asText().equals("LineString")) {
                lines.add(f);
            }
        });
        assertEquals(1, lines.size(), "the one-position stretch cannot be a LineString and is left out");
        JsonNode line = lines.getFirst();
        assertEquals("matched", line.get("properties").get("feature").asText());
        assertEquals(4045149, line.get("properties").get("osm_way_id").asLong());
        assertEquals("Unter den Linden", line.get("properties").get("road_name").asText());
        assertEquals(13.3779, line.get("geometry").get("coordinates").get(0).get(0).asDouble());
        assertEquals(52.5161, line.get("geometry").get("coordinates").get(0).get(1).asDouble());
    }

    @Test
    void geoJson_withoutMatched_hasNoLineStrings() throws IOException {
        writeThreeTrips(false);

        assertFalse(sink.file("violations.geojson").contains("LineString"));
    }

    @Test
    void athena_violations_oneFlatObjectPerLinePartitionedByStartDay() throws IOException {
        writeThreeTrips(false);

        String day20 = sink.file("violations/dt=2026-11-20");
        assertTrue(day20.endsWith("\n"), "every line ends with a newline");
        String[] lines = day20.split("\n");
        assertEquals(2, lines.length);
        for (String line : lines) {
            JsonNode row = JSON.readTree(line);
            assertTrue(row.isObject());
            row.properties().forEach(field -> assertFalse(field.getValue().isObject(),
                    "flat columns: " + field.getKey() + " is nested"));
        }
        JsonNode stop = JSON.readTree(lines[1]);
        assertEquals("stop_sign", stop.get("type").asText());
        assertEquals(1795162000.5, stop.get("start_time").asDouble());
        assertEquals(987654321L, stop.get("stop_osm_node_id").asLong());
        assertEquals(2, stop.get("osm_way_ids").size());
        assertEquals("wrong_way", JSON.readTree(sink.file("violations/dt=2026-11-21").strip()).get("type").asText());
        assertEquals("turn_restriction", JSON.readTree(sink.file("violations/dt=2026-11-22").strip()).get("type").asText());
    }

    private void writeEventsTrip() throws IOException {
        ResultFiles files = new ResultFiles(sink, "van.csv", false);
        TripResult trip = fixture("driving-events.json");
        files.write(TripOutcome.analysed("van-3", trip.tripId(), 600, trip, EMPTY_JSON));
        files.finish(List.of());
    }

    @Test
    void athena_eventsAndViolations_shareTheDatasetWithCategoryAndSeverity() throws IOException {
        writeEventsTrip();

        List<JsonNode> rows = new ArrayList<>();
        for (String line : sink.file("violations/dt=2026-11-23").split("\n")) {
            rows.add(JSON.readTree(line));
        }
        assertEquals(List.of("violation", "violation", "event", "event"),
                rows.stream().map(row -> row.get("category").asText()).toList());
        assertEquals(List.of("speeding", "stop_sign", "harsh_braking", "curve_overspeed"),
                rows.stream().map(row -> row.get("type").asText()).toList());
        assertEquals("moderate", rows.get(0).get("severity").asText());
        assertTrue(rows.get(1).get("severity").isNull(), "an ungraded type's severity is null, not missing");
        assertEquals("severe", rows.get(2).get("severity").asText());
        assertEquals(7.6, rows.get(2).get("peak_mps2").asDouble());
    }

    @Test
    void summary_countsEventsByTypeAndEveryFindingByTypeAndSeverity() throws IOException {
        writeEventsTrip();

        JsonNode summary = JSON.readTree(sink.file("summary.json"));
        JsonNode totals = summary.get("totals");
        assertEquals(2, totals.get("violations").asInt());
        assertEquals(2, totals.get("events").asInt());
        assertEquals(1, totals.get("events_by_type").get("harsh_braking").asInt());
        assertEquals(1, totals.get("by_type_and_severity").get("harsh_braking").get("severe").asInt());
        assertEquals(1, totals.get("by_type_and_severity").get("stop_sign").get("ungraded").asInt());
        JsonNode trip = summary.get("trips").get(0);
        assertEquals("curve_overspeed", trip.get("events").get(1).get("type").asText());
        assertEquals("sparse_fixes", trip.get("summary").get("events").get("undecided_reason").asText());
    }

    @Test
    void geoJson_events_arePointsMarkedAsEvents() throws IOException {
        writeEventsTrip();

        JsonNode features = JSON.readTree(sink.file("violations.geojson")).get("features");
        assertEquals(4, features.size());
        JsonNode braking = features.get(2).get("properties");
        assertEquals("event", braking.get("feature").asText());
        assertEquals("event", braking.get("category").asText());
        assertEquals("harsh_braking", braking.get("type").asText());
        assertEquals("severe", braking.get("severity").asText());
        assertEquals("violation", features.get(0).get("properties").get("category").asText());
    }

    @Test
    void athena_trips_oneRowPerAnalysedTripWithDistanceTimeAndCounts() throws IOException {
        writeThreeTrips(false);

        String day20 = sink.file("trip_summaries/dt=2026-11-20");
        assertTrue(day20.endsWith("\n"), "every line ends with a newline");
        assertEquals(1, day20.split("\n").length, "the failed trip has no distance to count and no row");
        JsonNode first = JSON.readTree(day20.strip());
        assertEquals("fleet.csv", first.get("input").asText());
        assertEquals("vehicle-7", first.get("vehicle_id").asText());
        assertEquals("vehicle-7/2026-11-20T08:00:00Z", first.get("trip_id").asText());
        assertEquals(1795161600.0, first.get("start_time").asDouble());
        assertEquals("2026-11-20T08:00:00Z", first.get("start_time_iso").asText());
        assertEquals("2026-11-20T08:59:59Z", first.get("end_time_iso").asText());
        assertEquals(23120.5, first.get("distance_m").asDouble());
        assertEquals(3599.0, first.get("duration_s").asDouble());
        assertEquals(3600, first.get("points").asInt());
        assertEquals(3590, first.get("points_used").asInt());
        assertEquals("low_accuracy", first.get("quality_flags").get(1).asText());
        assertEquals(2, first.get("violations").asInt());
        assertEquals(1, first.get("violations_by_type").get("speeding").asInt());
        assertEquals(1, first.get("violations_by_type").get("stop_sign").asInt());
        JsonNode acrossMidnight = JSON.readTree(sink.file("trip_summaries/dt=2026-11-21").strip());
        assertEquals("van-2", acrossMidnight.get("vehicle_id").asText());
        assertEquals(15010.25, acrossMidnight.get("distance_m").asDouble(), "one row on its start day, not split at midnight");
    }

    @Test
    void athena_trips_tripWithoutFindings_stillHasItsRow() throws IOException {
        ResultFiles files = new ResultFiles(sink, "clean.csv", false);
        com.fasterxml.jackson.databind.node.ObjectNode json;
        try (InputStream in = ResultFilesTest.class.getResourceAsStream("/results/speeding-and-stop.json")) {
            json = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(in);
        }
        json.putArray("violations");
        TripResult withoutFindings = new TripResultParser().parse(json.toString());
        files.write(TripOutcome.analysed("vehicle-7", withoutFindings.tripId(), 3600, withoutFindings, EMPTY_JSON));
        List<String> written = files.finish(List.of());

        assertEquals(List.of("summary.json", "violations.geojson", "trip_summaries/dt=2026-11-20"), written);
        JsonNode row = JSON.readTree(sink.file("trip_summaries/dt=2026-11-20").strip());
        assertEquals(0, row.get("violations").asInt());
        assertEquals(0, row.get("violations_by_type").size());
        assertEquals(23120.5, row.get("distance_m").asDouble());
    }

    @Test
    void finish_noTrips_writesEmptyButValidFiles() throws IOException {
        List<String> written = new ResultFiles(sink, "empty.csv", false).finish(List.of());

        assertEquals(List.of("summary.json", "violations.geojson"), written);
        assertEquals(0, JSON.readTree(sink.file("summary.json")).get("trips").size());
        assertEquals(0, JSON.readTree(sink.file("violations.geojson")).get("features").size());
    }

    @Test
    void summary_engineExtras_arePassedOnAndNullTimesStayNull() throws IOException {
        ResultFiles files = new ResultFiles(sink, "ghost.csv", false);
        TripResult ghost = fixture("no-usable-points.json");
        files.write(TripOutcome.analysed("ghost", ghost.tripId(), 3, ghost, EMPTY_JSON));
        List<String> written = files.finish(List.of());

        assertFalse(written.stream().anyMatch(w -> w.startsWith("trip_summaries/")), "no start time: no day, no distance, no row");

        JsonNode summary = JSON.readTree(sink.file("summary.json")).get("trips").get(0).get("summary");
        assertTrue(summary.get("start_time").isNull());
        assertEquals(0, summary.get("stop_signs").get("undecided").asInt());
        assertEquals(0, summary.get("quality").get("breaks").asInt());
    }

    @Test
    void summary_fieldsTheEngineLeftOut_areNotInvented() throws IOException {
        writeThreeTrips(false);

        JsonNode quality = JSON.readTree(sink.file("summary.json")).get("trips").get(0).get("summary").get("quality");
        assertFalse(quality.has("breaks"));
    }
}
