package dev.drivelog.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.analysis.result.EngineResultSamples;
import dev.drivelog.analysis.result.MatchedSegment;
import dev.drivelog.analysis.result.Positions;
import dev.drivelog.analysis.result.TripResult;
import dev.drivelog.analysis.result.TripResultParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The matched path's numbers copied from the engine's text against the same path parsed into doubles
 * and formatted again: the same {@code violations.geojson} to the byte.
 */
class MatchedTextCopyTest {
    private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);

    @Test
    void geoJson_randomResultsInTheEnginesNotation_sameBytesAsFromDoubles() throws IOException {
        Random random = new Random(70);
        TripResultParser parser = new TripResultParser();
        int copied = 0;
        int byNumber = 0;
        for (int i = 0; i < 2_000; i++) {
            String json = EngineResultSamples.random(random);
            if (i % 3 == 0) {
                // White space in the path: read as text all the same, written number by number.
                int matched = json.indexOf("\"matched\"");
                json = json.substring(0, matched) + json.substring(matched).replace(",[", ", [").replace("[[", "[ [");
            }
            TripResult asRead = parser.parse(json.getBytes(StandardCharsets.UTF_8));
            for (MatchedSegment segment : asRead.matched()) {
                if (segment.coordinates() instanceof Positions positions && positions.size() >= 2) {
                    assertTrue(positions.hasText());
                    assertEquals(everyNumberOwnText(positions), positions.plainDecimals());
                    if (positions.compactText() && positions.plainDecimals()) {
                        copied++;
                    } else {
                        byNumber++;
                    }
                }
            }

            assertEquals(geoJson(asDoubles(asRead)), geoJson(asRead));
        }
        assertTrue(copied > 80, "the samples must reach the copy: " + copied + " stretches copied whole");
        assertTrue(byNumber > 100, "and the number by number path: " + byNumber + " stretches");
    }

    @Test
    void plainDecimals_isTheWritersOwnTextForEveryNumber() {
        // The reader's flag says "copy the whole array": it must be PlainDecimal.isOwnText of every number.
        TripResultParser parser = new TripResultParser();
        List<String> own = List.of("13.4", "-52.5", "0.001", "-0.0123457", "9999999.5", "179.9999999", "1.23456789",
                "12345.123456789");
        List<String> notOwn = List.of("13", "0", "-0", "-0.0", "1e-05", "1.5E3", "13.40", "0.0001", "0.0009999",
                "12345678.5", "1.1234567891", "123456.123456789");
        Random random = new Random(71);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder path = new StringBuilder("[");
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                List<String> from = random.nextInt(6) == 0 ? notOwn : own;
                path.append(path.length() == 1 ? "[" : ",[").append(from.get(random.nextInt(from.size()))).append(',')
                        .append(own.get(random.nextInt(own.size()))).append(']');
            }
            String json = "{\"schema\":\"drivelog.trip/1.5\",\"summary\":{\"points\":1,\"points_used\":1,"
                    + "\"matched_points\":1,\"matched_fraction\":1,\"segments\":1,\"distance_m\":1,\"duration_s\":1},"
                    + "\"matched\":[{\"osm_way_id\":1,\"start_time\":0,\"end_time\":1,\"forward\":true,\"coordinates\":"
                    + path.append(']') + "}]}";

            Positions positions = (Positions) parser.parse(bytes(json)).matched().getFirst().coordinates();

            assertTrue(positions.hasText(), json);
            assertEquals(everyNumberOwnText(positions), positions.plainDecimals(), json);
        }
    }

    @Test
    void geoJson_engineCoordinates_areCopied() {
        // What json_writer.cpp writes for a coordinate: to_chars' shortest text of a number rounded to 7 decimals.
        for (String text : List.of("13.3779001", "-76.8812345", "52.5", "0.001", "-0.0123457", "179.9999999", "9999999.5")) {
            assertTrue(PlainDecimal.isOwnText(text.getBytes(StandardCharsets.US_ASCII), 0, text.length()), text);
        }
    }

    private static boolean everyNumberOwnText(Positions positions) {
        for (int k = 0; k < 2 * positions.size(); k++) {
            if (!PlainDecimal.isOwnText(positions.text(), positions.numberStart(k), positions.numberEnd(k))) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String geoJson(TripResult result) throws IOException {
        MemoryOutputSink sink = new MemoryOutputSink();
        ResultFiles files = new ResultFiles(sink, "fleet.csv", true);
        files.write(TripOutcome.analysed("vehicle-7", "vehicle-7/trip", 100, result, EMPTY_JSON));
        files.finish(List.of());
        String geoJson = sink.file(ViolationsGeoJsonWriter.FILE_NAME);
        assertFalse(geoJson.isEmpty());
        return geoJson;
    }

    /** The same result with every matched path as doubles (the path before the text was kept). */
    private static TripResult asDoubles(TripResult result) {
        List<MatchedSegment> matched = new ArrayList<>();
        for (MatchedSegment s : result.matched()) {
            Positions.Builder pairs = new Positions.Builder();
            for (double[] pair : s.coordinates()) {
                pairs.add(pair[0], pair[1]);
            }
            Positions doubles = pairs.build();
            assertFalse(doubles.hasText());
            matched.add(new MatchedSegment(s.osmWayId(), s.roadName(), s.startTime(), s.endTime(), s.forward(), s.segment(),
                    doubles));
        }
        return new TripResult(result.schema(), result.tripId(), result.engineVersion(), result.summary(),
                result.violations(), result.events(), matched);
    }
}
