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
        for (int i = 0; i < 1_000; i++) {
            TripResult asRead = parser.parse(EngineResultSamples.random(random).getBytes(StandardCharsets.UTF_8));
            for (MatchedSegment segment : asRead.matched()) {
                if (segment.coordinates() instanceof Positions positions && positions.hasText()) {
                    copied++;
                }
            }

            assertEquals(geoJson(asDoubles(asRead)), geoJson(asRead));
        }
        assertTrue(copied > 100, "the samples must reach the copy: " + copied + " stretches held as text");
    }

    @Test
    void geoJson_engineCoordinates_areCopied() {
        // What json_writer.cpp writes for a coordinate: to_chars' shortest text of a number rounded to 7 decimals.
        for (String text : List.of("13.3779001", "-76.8812345", "52.5", "0.001", "-0.0123457", "179.9999999", "9999999.5")) {
            assertTrue(PlainDecimal.isOwnText(text.getBytes(StandardCharsets.US_ASCII), 0, text.length()), text);
        }
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
