package dev.drivelog.analysis.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TripResultParserTest {
    private final TripResultParser parser = new TripResultParser();

    static String fixture(String name) throws IOException {
        try (InputStream in = TripResultParserTest.class.getResourceAsStream("/results/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void parse_documentedExample_readsEveryField() throws IOException {
        TripResult result = parser.parse(fixture("speeding-and-stop.json"));

        assertEquals("vehicle-7/2026-11-20T08:00:00Z", result.tripId());
        assertEquals("0.1.0", result.engineVersion());
        assertEquals(3590, result.summary().pointsUsed());
        assertEquals(0.99, result.summary().matchedFraction());
        assertEquals(23120.5, result.summary().distanceM());
        assertEquals(List.of("gaps", "low_accuracy"), result.summary().quality().flags());
        assertEquals(42.0, result.summary().quality().longestGapS());
        Violation speeding = result.violations().getFirst();
        assertEquals("speeding", speeding.type());
        assertEquals(List.of(4045149L), speeding.osmWayIds());
        assertEquals(71.2, speeding.evidence().get("max_speed_kmh"));
        assertEquals(List.of("max_speed_kmh", "mean_speed_kmh", "limit_kmh", "limit_source", "distance_m", "duration_s"),
                List.copyOf(speeding.evidence().keySet()), "evidence keeps the engine's order");
        assertEquals(2, result.matched().size());
        assertEquals(13.3790, result.matched().getFirst().coordinates().get(1)[0]);
        assertTrue(result.matched().getFirst().forward());
    }

    @Test
    void parse_drivingEvents_readsEventsSeveritiesAndTheirCoverage() throws IOException {
        TripResult result = parser.parse(fixture("driving-events.json"));

        assertEquals("drivelog.trip/1.2", result.schema(), "a 1.2 result is read as it is");
        assertEquals("moderate", result.violations().getFirst().severity());
        assertEquals(null, result.violations().get(1).severity(), "a stop sign is not graded");
        assertEquals(List.of("harsh_braking", "curve_overspeed"), result.events().stream().map(Violation::type).toList());
        assertEquals("severe", result.events().getFirst().severity());
        assertEquals(7.6, result.events().getFirst().evidence().get("peak_mps2"));
        assertEquals(new EventCoverage(590, 9, "sparse_fixes"), result.summary().events());
    }

    @Test
    void parse_curveCounts_areReadAndZeroWhereAbsent() throws IOException {
        String json = fixture("driving-events.json").replace("\"undecided_reason\": \"sparse_fixes\"}",
                        "\"undecided_reason\": \"sparse_fixes\", \"curves_judged\": 3, \"curves_undecided\": 4}");
        TripResult result = parser.parse(json);

        assertEquals(new EventCoverage(590, 9, "sparse_fixes", 3, 4), result.summary().events());
    }

    @Test
    void parse_schemaOnePointOne_isReadWithoutEventsOrSeverities() throws IOException {
        TripResult result = parser.parse(fixture("speeding-and-stop.json"));

        assertEquals("drivelog.trip/1.1", result.schema());
        assertEquals(List.of(), result.events());
        assertEquals(null, result.violations().getFirst().severity());
        assertEquals(null, result.summary().events());
    }

    @Test
    void parse_withoutMatchedPath_givesEmptyLists() throws IOException {
        TripResult result = parser.parse(fixture("no-violations.json"));

        assertEquals(List.of(), result.violations());
        assertEquals(List.of(), result.matched());
    }

    @Test
    void parse_otherSchema_isRefusedNamingBothVersions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parser.parse("{\"schema\":\"drivelog.trip/2\",\"trip_id\":\"t1\",\"summary\":{}}"));

        assertTrue(e.getMessage().contains("drivelog.trip/2") && e.getMessage().contains("drivelog.trip/1"), e.getMessage());
    }

    @Test
    void parse_notJson_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> parser.parse("crashed"));
    }

    @Test
    void parse_missingSummary_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parser.parse("{\"schema\":\"drivelog.trip/1.1\",\"trip_id\":\"t1\"}"));

        assertTrue(e.getMessage().contains("t1"), e.getMessage());
    }

    @Test
    void parse_tripWithoutUsablePoints_hasNullTimesAndTheEnginesExtraCounters() throws IOException {
        TripResult result = parser.parse(fixture("no-usable-points.json"));

        assertEquals(null, result.summary().startTime());
        assertEquals(0L, result.summary().quality().unmatchedPoints());
        assertEquals(0, result.summary().quality().breaks());
        assertEquals(new StopSignCounts(0, 0, 0, 0), result.summary().stopSigns());
        assertEquals(List.of("no_points", "dropped_points"), result.summary().quality().flags());
    }
}
