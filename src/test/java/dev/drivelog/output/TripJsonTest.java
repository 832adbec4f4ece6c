package dev.drivelog.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.drivelog.analysis.result.EngineResultSamples;
import dev.drivelog.analysis.result.EventCoverage;
import dev.drivelog.analysis.result.TripResult;
import dev.drivelog.analysis.result.TripResultParser;
import dev.drivelog.analysis.result.TripSummary;
import dev.drivelog.analysis.result.Violation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written trip JSON against the mapper's serialisation of the same records: the same bytes. */
class TripJsonTest {
    private final TripResultParser parser = new TripResultParser();

    @ParameterizedTest
    @ValueSource(strings = {"speeding-and-stop.json", "driving-events.json", "no-violations.json",
            "no-usable-points.json", "across-midnight.json"})
    void write_fixtures_givesTheMappersBytes(String name) throws IOException {
        try (InputStream in = TripJsonTest.class.getResourceAsStream("/results/" + name)) {
            assertSameAsMapper(parser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    @Test
    void write_randomResults_givesTheMappersBytes() throws IOException {
        Random random = new Random(14);
        for (int i = 0; i < 2_000; i++) {
            assertSameAsMapper(parser.parse(EngineResultSamples.random(random)));
        }
    }

    @Test
    void write_recordsWithNullsAndNonFiniteNumbers_givesTheMappersBytes() throws IOException {
        TripResult result = parser.parse(EngineResultSamples.random(new Random(1)));
        TripSummary summary = result.summary();
        TripSummary bare = new TripSummary(1, 1, 1, Double.NaN, 1, Double.POSITIVE_INFINITY, -0.0,
                null, null, null, null, new EventCoverage(1, 2, null));
        Violation finding = new Violation(null, 1, 2, 3, 4, null, null, 0.5, null,
                Map.of("big", new BigInteger("123456789012345678901234567890")));

        assertSameAsMapper(new TripResult(result.schema(), result.tripId(), null, bare, List.of(finding),
                List.of(), List.of()));
        assertSameAsMapper(new TripResult(result.schema(), result.tripId(), null, summary, List.of(), null, null));
    }

    private static void assertSameAsMapper(TripResult result) throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (JsonGenerator json = ResultJson.mapper().createGenerator(expected)) {
            json.writeStartObject();
            json.writeObjectField("summary", result.summary());
            json.writeObjectField("violations", result.violations());
            json.writeObjectField("events", result.events());
            json.writeEndObject();
        }
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        try (JsonGenerator json = ResultJson.generator(actual)) {
            json.writeStartObject();
            json.writeFieldName("summary");
            TripJson.summary(json, result.summary());
            json.writeFieldName("violations");
            TripJson.findings(json, result.violations());
            json.writeFieldName("events");
            TripJson.findings(json, result.events());
            json.writeEndObject();
        }
        assertEquals(expected.toString(StandardCharsets.UTF_8), actual.toString(StandardCharsets.UTF_8));
    }
}
