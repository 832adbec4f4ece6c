package dev.drivelog.analysis.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The streaming reader against data binding: the same records from the engine's shape, and nothing from another. */
class TripResultStreamTest {
    private static final ObjectMapper DESCRIBE = JsonMapper.builder().build();
    private final TripResultParser parser = new TripResultParser();

    @ParameterizedTest
    @ValueSource(strings = {"speeding-and-stop.json", "driving-events.json", "no-violations.json",
            "no-usable-points.json", "across-midnight.json"})
    void read_fixtures_giveWhatDataBindingGives(String name) throws IOException {
        String json = TripResultParserTest.fixture(name);

        TripResult streamed = TripResultStream.read(json);

        assertNotNull(streamed, "the fixture is in the engine's shape");
        assertEquals(describe(parser.bind(json)), describe(streamed));
    }

    @Test
    void read_randomResultsInTheEnginesNotation_giveWhatDataBindingGivesBitForBit() throws IOException {
        Random random = new Random(14);
        for (int i = 0; i < 2_000; i++) {
            String json = EngineResultSamples.random(random);

            TripResult streamed = TripResultStream.read(json);

            assertNotNull(streamed, json);
            assertEquals(describe(parser.bind(json)), describe(streamed), json);
        }
    }

    @Test
    void read_rawUtf8Bytes_giveWhatDataBindingOfTheDecodedTextGives() throws IOException {
        // The engine writes non-ASCII text as raw UTF-8 (2-, 3- and 4-byte sequences), not as escapes;
        // the analysis reads its bytes, the reference binds the String they decode to.
        String json = TripResultParserTest.fixture("speeding-and-stop.json")
                .replaceFirst("\"road_name\": *\"[^\"]*\"", "\"road_name\": \"Stra\u00dfe \u6771\u4eac \uD83D\uDE97\"");
        assertTrue(json.contains("\u6771\u4eac"), "the test needs a road name to replace");
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);

        TripResult streamed = TripResultStream.read(utf8);

        assertNotNull(streamed);
        assertEquals(describe(DESCRIBE.readValue(json, TripResult.class)), describe(streamed));
        assertEquals(describe(streamed), describe(parser.parse(utf8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[13.4,52.5],[13.5,52.6]", "[13.4,52.5],[13,52.6],[13.5,52.7]", "[13.4,52],[13.5,52.6]",
        "[-0,-0.0],[0.0,-0]", "[1e-05,1.5E3],[-0.0000001,180]", "[13.4,52.5],[13.5,52.6],[14,53]", "[5,6]"})
    void read_pathsOfFloatsAndIntegers_giveWhatDataBindingGivesBitForBit(String positions) throws IOException {
        // The path is kept as the engine's text and parsed when asked for, an integer as Jackson reads it
        // (-0 as 0.0): the doubles data binding makes.
        String json = "{\"matched\":[{\"osm_way_id\":1,\"start_time\":0,\"end_time\":1,\"forward\":true,"
                + "\"coordinates\":[" + positions + "]}]}";

        TripResult streamed = TripResultStream.read(json);

        assertNotNull(streamed, json);
        TripResult bound = DESCRIBE.readValue(json, TripResult.class);
        List<double[]> expected = bound.matched().getFirst().coordinates();
        List<double[]> actual = streamed.matched().getFirst().coordinates();
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(expected.get(i)[0]), Double.doubleToRawLongBits(actual.get(i)[0]), json);
            assertEquals(Double.doubleToRawLongBits(expected.get(i)[1]), Double.doubleToRawLongBits(actual.get(i)[1]), json);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"schema\":\"drivelog.trip/1.5\",\"summary\":{\"points\":\"5\"}}", // a number as text
        "{\"schema\":\"drivelog.trip/1.5\",\"summary\":{\"points\":null}}", // null for a count
        "{\"schema\":\"drivelog.trip/1.5\",\"summary\":{\"points\":5}}", // counts missing
        "{\"schema\":\"drivelog.trip/1.5\",\"trip_id\":7}", // a number for a string
        "{\"violations\":[{\"evidence\":{\"nested\":[1]}}]}", // evidence that is not a scalar
        "{\"matched\":[{\"forward\":1}]}", // a number for a flag
        "{\"matched\":[{\"osm_way_id\":1,\"start_time\":0,\"end_time\":1,\"forward\":true,\"coordinates\":[[1,2,3]]}]}", // not a pair
        "[]", "{\"schema\":", "not json"})
    void read_otherShapes_leaveItToDataBinding(String json) {
        assertNull(TripResultStream.read(json));
    }

    @Test
    void parse_aCountAsText_isStillReadAsDataBindingReadsIt() throws IOException {
        String json = TripResultParserTest.fixture("no-violations.json").replace("\"points\": 60", "\"points\": \"60\"");

        assertNull(TripResultStream.read(json), "the test needs a text the stream leaves alone");
        assertEquals(60, parser.parse(json).summary().points());
    }

    /** The records as text, with the Java type of every evidence value (Integer, Long and Double differ in output). */
    private static String describe(TripResult result) throws JsonProcessingException {
        StringBuilder types = new StringBuilder();
        for (Violation finding : result.violations()) {
            finding.evidence().values().forEach(v -> types.append(v == null ? "null" : v.getClass().getSimpleName()).append(' '));
        }
        for (Violation finding : result.events()) {
            finding.evidence().values().forEach(v -> types.append(v == null ? "null" : v.getClass().getSimpleName()).append(' '));
        }
        return DESCRIBE.writeValueAsString(result) + "\n" + types;
    }
}
