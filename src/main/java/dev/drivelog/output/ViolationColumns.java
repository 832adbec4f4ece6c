package dev.drivelog.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.drivelog.analysis.result.Violation;
import dev.drivelog.logs.UtcText;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * A finding (a violation or a driving event) as one flat row of named columns: the shape of a
 * GeoJSON feature's properties and of an Athena JSON Lines row (docs/OUTPUTS.md). {@code category}
 * says which of the two it is and {@code severity} how bad (null where the type is not graded).
 * Evidence keys become columns of their own; the few that would clash with a fixed column are
 * written as {@code evidence_<key>}.
 */
final class ViolationColumns {
    /** The fixed columns, in the order written; evidence columns follow. */
    static final Set<String> FIXED = Set.of("input", "vehicle_id", "trip_id", "category", "type", "start_time",
            "end_time", "start_time_iso", "end_time_iso", "lat", "lon", "osm_way_id", "osm_way_ids", "road_name",
            "confidence", "severity");

    /** The {@code category} of a violation of the law. */
    static final String VIOLATION = "violation";
    /** The {@code category} of a driving event (a finding, never a legal violation). */
    static final String EVENT = "event";

    private ViolationColumns() {}

    /** Writes the columns as fields of the JSON object that {@code json} is inside. */
    static void write(JsonGenerator json, String input, String vehicleId, String tripId, String category,
            Violation violation) throws IOException {
        json.writeStringField("input", input);
        json.writeStringField("vehicle_id", vehicleId);
        json.writeStringField("trip_id", tripId);
        json.writeStringField("category", category);
        json.writeStringField("type", violation.type());
        json.writeFieldName("start_time");
        ResultJson.writeNumber(json, violation.startTime());
        json.writeFieldName("end_time");
        ResultJson.writeNumber(json, violation.endTime());
        json.writeStringField("start_time_iso", isoSeconds(violation.startTime()));
        json.writeStringField("end_time_iso", isoSeconds(violation.endTime()));
        json.writeFieldName("lat");
        ResultJson.writeNumber(json, violation.lat());
        json.writeFieldName("lon");
        ResultJson.writeNumber(json, violation.lon());
        if (violation.osmWayIds().isEmpty()) {
            json.writeNullField("osm_way_id");
        } else {
            json.writeNumberField("osm_way_id", violation.osmWayIds().getFirst());
        }
        json.writeArrayFieldStart("osm_way_ids");
        for (long wayId : violation.osmWayIds()) {
            json.writeNumber(wayId);
        }
        json.writeEndArray();
        json.writeStringField("road_name", violation.roadName());
        json.writeFieldName("confidence");
        ResultJson.writeNumber(json, violation.confidence());
        json.writeStringField("severity", violation.severity());
        for (Map.Entry<String, Object> evidence : violation.evidence().entrySet()) {
            String column = FIXED.contains(evidence.getKey()) ? "evidence_" + evidence.getKey() : evidence.getKey();
            json.writeFieldName(column);
            TripJson.scalar(json, evidence.getValue());
        }
    }

    /**
     * The partition value of a time: its UTC day, e.g. {@code 2026-11-21}. The second is the time
     * rounded down, as for {@link #isoSeconds}; NaN is second 0 (the cast's), an infinite time throws.
     */
    static String day(double epochSeconds) {
        return UtcText.day((long) Math.floor(epochSeconds));
    }

    /** ISO-8601 UTC to the second (rounded down), e.g. {@code 2026-11-21T08:05:00Z}; null for a non-finite time. */
    static String isoSeconds(double epochSeconds) {
        return Double.isFinite(epochSeconds) ? UtcText.isoSeconds((long) Math.floor(epochSeconds)) : null;
    }
}
