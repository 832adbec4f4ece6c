package dev.drivelog.output;

import dev.drivelog.analysis.result.MatchedSegment;
import dev.drivelog.analysis.result.Positions;
import dev.drivelog.analysis.result.Violation;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Streams {@code violations.geojson}: an RFC 7946 FeatureCollection with one Point per violation
 * and per driving event (properties: {@link ViolationColumns}; {@code feature} and {@code category}
 * say which) and, when asked for, the matched path as one LineString per
 * stretch on an OSM way. Coordinates are {@code [lon, lat]} as RFC 7946 requires.
 */
final class ViolationsGeoJsonWriter {
    static final String FILE_NAME = "violations.geojson";
    static final String CONTENT_TYPE = "application/geo+json";

    private final RawBytesGenerator json;
    private final String input;
    private final boolean matched;

    /** Writes the collection's start; takes ownership of {@code out} (closed by {@link #finish}). */
    ViolationsGeoJsonWriter(OutputStream out, String input, boolean matched) throws IOException {
        this.json = ResultJson.rawBytesGenerator(out);
        this.input = input;
        this.matched = matched;
        json.writeStartObject();
        json.writeStringField("type", "FeatureCollection");
        json.writeArrayFieldStart("features");
    }

    /**
     * Writes one finding as a Point: its properties are {@code feature} and its columns as {@code columns}
     * encoded them ({@link ResultFiles}).
     */
    void writePoint(String category, Violation finding, EncodedColumns columns) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeObjectFieldStart("geometry");
        json.writeStringField("type", "Point");
        json.writeArrayFieldStart("coordinates");
        ResultJson.writeNumber(json, finding.lon());
        ResultJson.writeNumber(json, finding.lat());
        json.writeEndArray();
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeStringField("feature", category);
        // The encoded object without its braces: its members follow "feature".
        json.writeRawMembers(columns.text(), 1, columns.length() - 2);
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Writes the trip's matched path, one LineString per stretch, if the file carries it; after its points. */
    void writeMatched(TripOutcome outcome) throws IOException {
        if (!matched || outcome.failed()) {
            return;
        }
        for (MatchedSegment segment : outcome.result().matched()) {
            writeMatched(outcome, segment);
        }
    }

    private void writeMatched(TripOutcome outcome, MatchedSegment segment) throws IOException {
        // RFC 7946 3.1.4: a LineString has two or more positions; a shorter stretch has no line to draw.
        if (segment.coordinates().size() < 2) {
            return;
        }
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeObjectFieldStart("geometry");
        json.writeStringField("type", "LineString");
        json.writeFieldName("coordinates");
        writeCoordinates(segment.coordinates());
        json.writeEndObject();
        json.writeObjectFieldStart("properties");
        json.writeStringField("feature", "matched");
        json.writeStringField("input", input);
        json.writeStringField("vehicle_id", outcome.vehicleId());
        json.writeStringField("trip_id", outcome.tripId());
        json.writeNumberField("osm_way_id", segment.osmWayId());
        json.writeStringField("road_name", segment.roadName());
        json.writeBooleanField("forward", segment.forward());
        if (segment.segment() != null) {
            json.writeNumberField("segment", segment.segment());
        }
        json.writeFieldName("start_time");
        ResultJson.writeNumber(json, segment.startTime());
        json.writeFieldName("end_time");
        ResultJson.writeNumber(json, segment.endTime());
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * A path read from the engine is its text: copied whole where every number is what writing its double
     * would give (nearly always), else number by number.
     */
    private void writeCoordinates(List<double[]> coordinates) throws IOException {
        if (coordinates instanceof Positions positions && positions.hasText()) {
            byte[] text = positions.text();
            if (positions.compactText() && positions.plainDecimals()) {
                // Plain decimals are PlainDecimal.isOwnText: what writing each number would give, so the whole array.
                json.writeRawValue(text, positions.textStart(), positions.textEnd() - positions.textStart());
                return;
            }
            json.writeStartArray();
            for (int number = 0; number < 2 * positions.size(); number += 2) {
                json.writeStartArray();
                ResultJson.writeNumber(json, text, positions.numberStart(number), positions.numberEnd(number));
                ResultJson.writeNumber(json, text, positions.numberStart(number + 1), positions.numberEnd(number + 1));
                json.writeEndArray();
            }
            json.writeEndArray();
            return;
        }
        json.writeStartArray();
        if (coordinates instanceof Positions positions) {
            // The engine's pairs, read from the flat array without an array per position.
            for (int i = 0; i < positions.size(); i++) {
                json.writeStartArray();
                ResultJson.writeNumber(json, positions.lon(i));
                ResultJson.writeNumber(json, positions.lat(i));
                json.writeEndArray();
            }
        } else {
            for (double[] position : coordinates) {
                json.writeStartArray();
                ResultJson.writeNumber(json, position[0]);
                ResultJson.writeNumber(json, position[1]);
                json.writeEndArray();
            }
        }
        json.writeEndArray();
    }

    /** Closes the collection and the file. */
    void finish() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }
}
