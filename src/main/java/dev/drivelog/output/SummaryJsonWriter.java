package dev.drivelog.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Streams {@code summary.json} ({@code drivelog.summary/1}, docs/OUTPUTS.md): every trip of an input
 * with its summary, quality, violations and driving events, or its error, then the input's totals and problems.
 * Holds nothing but the generator: each trip is written as it comes.
 */
final class SummaryJsonWriter {
    static final String FILE_NAME = "summary.json";
    static final String CONTENT_TYPE = "application/json";
    static final String SCHEMA = "drivelog.summary/1";

    private final JsonGenerator json;

    /** Writes the header; takes ownership of {@code out} (closed by {@link #finish}). */
    SummaryJsonWriter(OutputStream out, String input) throws IOException {
        json = ResultJson.generator(out);
        json.writeStartObject();
        json.writeStringField("schema", SCHEMA);
        json.writeStringField("input", input);
        json.writeArrayFieldStart("trips");
    }

    void write(TripOutcome outcome) throws IOException {
        json.writeStartObject();
        json.writeStringField("trip_id", outcome.tripId());
        json.writeStringField("vehicle_id", outcome.vehicleId());
        json.writeNumberField("points", outcome.points());
        if (outcome.failed()) {
            json.writeStringField("status", "failed");
            json.writeStringField("error", outcome.error());
        } else {
            json.writeStringField("status", "analysed");
            json.writeFieldName("summary");
            TripJson.summary(json, outcome.result().summary());
            json.writeFieldName("violations");
            TripJson.findings(json, outcome.result().violations());
            json.writeFieldName("events");
            TripJson.findings(json, outcome.result().events());
        }
        json.writeEndObject();
    }

    /** Writes the totals and problems and closes the file. */
    void finish(InputTotals totals, List<String> problems) throws IOException {
        json.writeEndArray();
        json.writeObjectFieldStart("totals");
        json.writeNumberField("trips", totals.trips);
        json.writeNumberField("failed_trips", totals.failedTrips);
        json.writeNumberField("points", totals.points);
        json.writeFieldName("distance_m");
        ResultJson.writeNumber(json, totals.distanceMeters);
        json.writeNumberField("violations", totals.violations());
        json.writeObjectFieldStart("violations_by_type");
        for (Map.Entry<String, Integer> type : totals.violationsByType.entrySet()) {
            json.writeNumberField(type.getKey(), type.getValue());
        }
        json.writeEndObject();
        json.writeNumberField("events", totals.events());
        json.writeObjectFieldStart("events_by_type");
        for (Map.Entry<String, Integer> type : totals.eventsByType.entrySet()) {
            json.writeNumberField(type.getKey(), type.getValue());
        }
        json.writeEndObject();
        json.writeObjectFieldStart("by_type_and_severity");
        for (Map.Entry<String, Map<String, Integer>> type : totals.bySeverity.entrySet()) {
            json.writeObjectFieldStart(type.getKey());
            for (Map.Entry<String, Integer> severity : type.getValue().entrySet()) {
                json.writeNumberField(severity.getKey(), severity.getValue());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
        if (totals.engineVersion != null) {
            json.writeStringField("engine_version", totals.engineVersion);
        }
        json.writeArrayFieldStart("problems");
        for (String problem : problems) {
            json.writeString(problem);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }
}
