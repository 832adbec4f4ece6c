package dev.drivelog.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.drivelog.analysis.result.TripQuality;
import dev.drivelog.analysis.result.TripSummary;
import dev.drivelog.analysis.result.Violation;
import dev.drivelog.job.OutputSink;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streams one row per analysed trip as JSON Lines for Athena, beside the violations: dataset
 * {@value #DATASET}, partition {@code dt=} the UTC day of the trip's start (docs/OUTPUTS.md). Scores
 * are findings per distance, and a trip without findings has no violation row, so its distance and
 * time must come from here. Failed trips and trips without a usable point (no start time) have no
 * distance to count and are left out; summary.json names them.
 */
final class AthenaTripsWriter {
    static final String DATASET = "trip_summaries";

    private final DatasetPartitions parts;
    private final String input;

    AthenaTripsWriter(OutputSink sink, String input) {
        this.parts = new DatasetPartitions(sink, DATASET);
        this.input = input;
    }

    void write(TripOutcome outcome) throws IOException {
        if (outcome.failed() || outcome.result().summary().startTime() == null) {
            return;
        }
        TripSummary summary = outcome.result().summary();
        double start = summary.startTime();
        double end = summary.endTime() == null ? start : summary.endTime();
        JsonGenerator json = parts.partition("dt=" + ViolationColumns.day(start));
        json.writeStartObject();
        json.writeStringField("input", input);
        json.writeStringField("vehicle_id", outcome.vehicleId());
        json.writeStringField("trip_id", outcome.tripId());
        number(json, "start_time", start);
        number(json, "end_time", end);
        json.writeStringField("start_time_iso", ViolationColumns.isoSeconds(start));
        json.writeStringField("end_time_iso", ViolationColumns.isoSeconds(end));
        number(json, "distance_m", summary.distanceM());
        number(json, "duration_s", summary.durationS());
        json.writeNumberField("points", outcome.points());
        json.writeNumberField("points_used", summary.pointsUsed());
        number(json, "matched_fraction", summary.matchedFraction());
        json.writeArrayFieldStart("quality_flags");
        TripQuality quality = summary.quality();
        if (quality != null) {
            for (String flag : quality.flags()) {
                json.writeString(flag);
            }
        }
        json.writeEndArray();
        Map<String, Integer> byType = new TreeMap<>();
        for (Violation violation : outcome.result().violations()) {
            byType.merge(violation.type(), 1, Integer::sum);
        }
        json.writeNumberField("violations", outcome.result().violations().size());
        json.writeObjectFieldStart("violations_by_type");
        for (Map.Entry<String, Integer> count : byType.entrySet()) {
            json.writeNumberField(count.getKey(), count.getValue());
        }
        json.writeEndObject();
        json.writeStringField("engine_version", outcome.result().engineVersion());
        json.writeEndObject();
    }

    private static void number(JsonGenerator json, String field, double value) throws IOException {
        json.writeFieldName(field);
        ResultJson.writeNumber(json, value);
    }

    /** Closes every partition file; returns {@code trip_summaries/dt=...} for each. */
    java.util.List<String> finish() throws IOException {
        return parts.finish();
    }
}
