package dev.drivelog.analysis.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The matched path read from the result's bytes against data binding: the same records for every text
 * the reader takes or declines, and the coordinates left where they are in the engine's bytes.
 */
class MatchedPathReaderTest {
    private static final ObjectMapper DESCRIBE = JsonMapper.builder().build();
    private static final String HEAD = "{\"schema\":\"drivelog.trip/1.5\",\"trip_id\":\"v/t\",\"summary\":{\"points\":1,"
            + "\"points_used\":1,\"matched_points\":1,\"matched_fraction\":1,\"segments\":1,\"distance_m\":1,\"duration_s\":1},"
            + "\"violations\":[],\"events\":[],\"matched\":";
    private static final String STRETCH = "{\"osm_way_id\":4045149,\"road_name\":\"Unter den Linden\",\"start_time\":1795161890.5,"
            + "\"end_time\":1795161940,\"forward\":true,\"segment\":0,\"coordinates\":[[13.3779,52.5161],[13.379,52.5162]]}";

    private final TripResultParser parser = new TripResultParser();

    @Test
    void read_theEnginesPath_keepsTheCoordinatesInTheResultsBytes() {
        byte[] utf8 = (HEAD + "[" + STRETCH + "," + STRETCH.replace("4045149", "7") + "]}").getBytes(StandardCharsets.UTF_8);

        TripResult result = parser.parse(utf8);

        Positions second = assertInstanceOf(Positions.class, result.matched().get(1).coordinates());
        assertTrue(second.hasText());
        assertSame(utf8, second.text(), "a slice of the engine's answer, not a copy");
        assertTrue(second.compactText());
        assertEquals("[[13.3779,52.5161],[13.379,52.5162]]",
                new String(utf8, second.textStart(), second.textEnd() - second.textStart(), StandardCharsets.UTF_8));
        assertEquals(7, result.matched().get(1).osmWayId());
        assertEquals(1795161890.5, result.matched().get(1).startTime());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[" + STRETCH + "]",
        "[]",
        " [ " + STRETCH + " ] ",
        "[{\"coordinates\" : [ [ 13.3779 , 52.5161 ] ,\n[13.379,\t52.5162]\r] , \"osm_way_id\":1,\"start_time\":0,\"end_time\":-0,\"forward\":false}]",
        "[{\"osm_way_id\":-0,\"road_name\":null,\"start_time\":-0.0,\"end_time\":1e3,\"forward\":false,\"segment\":null,\"coordinates\":null}]",
        "[{\"osm_way_id\":999999999999999999,\"start_time\":12345678901234567.5,\"end_time\":0.1e-2,\"forward\":true,\"coordinates\":[]}]",
        "[{\"osm_way_id\":1,\"start_time\":1.23456789012345678901,\"end_time\":9007199254740993.5,\"forward\":true}]",
        "[{\"osm_way_id\":1,\"road_name\":\"Stra\u00dfe \u6771\u4eac \uD83D\uDE97\",\"start_time\":0,\"end_time\":1,\"forward\":true}]",
        "[{\"osm_way_id\":1,\"osm_way_id\":2,\"start_time\":0,\"end_time\":1,\"forward\":true,\"forward\":false}]",
        "[{\"osm_way_id\":1,\"start_time\":0,\"end_time\":1,\"forward\":true,\"coordinates\":[[-0,0],[1E+2,-1e-7],[180,-90]]}]",
        // declined: Jackson reads these
        "[{\"osm_way_id\":1,\"road_name\":\"A \\\"B\\\" \\u00e9\",\"start_time\":0,\"end_time\":1,\"forward\":true}]",
        "[{\"osm_way_id\":1,\"start_time\":0,\"end_time\":1,\"forward\":true,\"lanes\":[1,{\"a\":2}]}]",
        "[{\"osm_way_id\":1,\"start_time\":0,\"end_time\":1,\"forward\":true,\"segment\":1.0}]",
        "[{\"osm_way_id\":1,\"start_time\":0,\"end_time\":1,\"forward\":true,\"segment\":12345678901}]",
        "[{\"osm_way_id\":1234567890123456789,\"start_time\":0,\"end_time\":1,\"forward\":true}]",
        "[{\"osm_way_id\":1,\"start_time\":123456789012345678901,\"end_time\":1,\"forward\":true}]",
        "[" + STRETCH + "],\"after\":1",
        "[" + STRETCH + "],\"matched\":[]",
        // not a result data binding takes either
        "[{\"osm_way_id\":1,\"start_time\":0,\"end_time\":1,\"forward\":true,\"coordinates\":[[1,2,3]]}]",
        "[{\"osm_way_id\":1,\"start_time\":0,\"end_time\":1}]",
        "[{\"osm_way_id\":1,\"start_time\":0,\"end_time\":1,\"forward\":true,\"coordinates\":[[1,2],]}]",
        "[{\"osm_way_id\":1,\"start_time\":0,\"end_time\":1,\"forward\":true,\"coordinates\":[[01,2]]}]",
        "[{\"osm_way_id\":1,\"start_time\":0,\"end_time\":1,\"forward\":true,\"coordinates\":[[1.,2]]}]",
        "[{\"osm_way_id\":1,\"start_time\":0,\"end_time\":1,\"forward\":tru}]",
        "[{\"osm_way_id\":1,\"start_time\":0,\"end_time\":1,\"forward\":true}",
        "[" + STRETCH + ",]"})
    void parse_pathsTakenAndDeclined_giveWhatDataBindingGives(String matched) throws JsonProcessingException {
        String json = HEAD + matched + "}";

        assertSameReading(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parse_malformedUtf8InARoadName_isLeftToJackson() throws JsonProcessingException {
        for (byte[] bad : new byte[][] {{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE6, (byte) 0x9D}, {(byte) 0x80}}) {
            byte[] head = (HEAD + "[{\"osm_way_id\":1,\"road_name\":\"x").getBytes(StandardCharsets.UTF_8);
            byte[] tail = "\",\"start_time\":0,\"end_time\":1,\"forward\":true}]}".getBytes(StandardCharsets.UTF_8);
            byte[] json = new byte[head.length + bad.length + tail.length];
            System.arraycopy(head, 0, json, 0, head.length);
            System.arraycopy(bad, 0, json, head.length, bad.length);
            System.arraycopy(tail, 0, json, head.length + bad.length, tail.length);

            assertSameReading(json);
        }
    }

    @Test
    void parse_randomResultsWithWhiteSpaceAndDamage_giveWhatDataBindingGives() throws JsonProcessingException {
        Random random = new Random(1407);
        int taken = 0;
        for (int i = 0; i < 3_000; i++) {
            String json = EngineResultSamples.random(random);
            int matched = json.indexOf("\"matched\":");
            StringBuilder text = new StringBuilder(json);
            for (int k = random.nextInt(4); k > 0; k--) {
                int at = matched + random.nextInt(text.length() - matched);
                switch (random.nextInt(4)) {
                    case 0 -> text.insert(at, " \n\t\r".charAt(random.nextInt(4)));
                    case 1 -> text.deleteCharAt(at);
                    case 2 -> text.setCharAt(at, "[]{},:\"-.e0123456789ntf ".charAt(random.nextInt(24)));
                    default -> text.insert(at, text.charAt(at));
                }
            }
            byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);

            assertSameReading(utf8);
            TripResult streamed = TripResultStream.read(utf8);
            if (streamed != null && streamed.matched().stream().anyMatch(s -> s.coordinates() instanceof Positions p && p.hasText())) {
                taken++;
            }
        }
        assertTrue(taken > 500, "the samples must reach the reader: " + taken);
    }

    /** The parser's reading (the reader's, or Jackson's where it declines) is data binding's, or both refuse. */
    private void assertSameReading(byte[] utf8) throws JsonProcessingException {
        String text = new String(utf8, StandardCharsets.UTF_8);
        TripResult bound;
        try {
            bound = parser.bind(utf8);
        } catch (IllegalArgumentException refused) {
            assertThrows(IllegalArgumentException.class, () -> parser.parse(utf8), text);
            return;
        }
        TripResult parsed = parser.parse(utf8);
        assertNotNull(parsed, text);
        assertEquals(describe(bound), describe(parsed), text);
        TripResult streamed = TripResultStream.read(utf8);
        if (streamed != null) {
            assertEquals(describe(bound), describe(streamed), text);
        }
    }

    /** The records as text, every double to the bit (Jackson writes the shortest text that reads back, -0.0 included). */
    private static String describe(TripResult result) throws JsonProcessingException {
        return DESCRIBE.writeValueAsString(result);
    }

    @Test
    void read_aTextOtherThanTheEngines_isNotTakenForIt() {
        // Guards the helper above: an integer id Jackson would coerce must not reach the records unread.
        assertNull(TripResultStream.read(HEAD + "[{\"osm_way_id\":\"1\",\"start_time\":0,\"end_time\":1,\"forward\":true}]}"));
    }
}
