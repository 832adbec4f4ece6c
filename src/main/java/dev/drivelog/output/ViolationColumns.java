package dev.drivelog.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.drivelog.analysis.result.Evidence;
import dev.drivelog.analysis.result.Violation;
import dev.drivelog.logs.UtcText;
import java.io.IOException;
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

    /*
     * The fixed columns' names, quoted and encoded once (the generator copies their bytes): a finding is
     * written twice, to the GeoJSON and to the Athena rows, and encoding every name character by
     * character each time was a few per cent of the Java side's CPU (docs/BENCHMARKS.md). The same bytes
     * as writing the name as a String; ViolationColumnsNamesTest holds them equal.
     */
    static final SerializedString INPUT = new SerializedString("input");
    static final SerializedString VEHICLE_ID = new SerializedString("vehicle_id");
    static final SerializedString TRIP_ID = new SerializedString("trip_id");
    static final SerializedString CATEGORY = new SerializedString("category");
    static final SerializedString TYPE = new SerializedString("type");
    static final SerializedString START_TIME = new SerializedString("start_time");
    static final SerializedString END_TIME = new SerializedString("end_time");
    static final SerializedString START_TIME_ISO = new SerializedString("start_time_iso");
    static final SerializedString END_TIME_ISO = new SerializedString("end_time_iso");
    static final SerializedString LAT = new SerializedString("lat");
    static final SerializedString LON = new SerializedString("lon");
    static final SerializedString OSM_WAY_ID = new SerializedString("osm_way_id");
    static final SerializedString OSM_WAY_IDS = new SerializedString("osm_way_ids");
    static final SerializedString ROAD_NAME = new SerializedString("road_name");
    static final SerializedString CONFIDENCE = new SerializedString("confidence");
    static final SerializedString SEVERITY = new SerializedString("severity");

    private ViolationColumns() {}

    /** Writes the columns as fields of the JSON object that {@code json} is inside. */
    static void write(JsonGenerator json, String input, String vehicleId, String tripId, String category,
            Violation violation) throws IOException {
        json.writeFieldName(INPUT);
        json.writeString(input);
        json.writeFieldName(VEHICLE_ID);
        json.writeString(vehicleId);
        json.writeFieldName(TRIP_ID);
        json.writeString(tripId);
        json.writeFieldName(CATEGORY);
        json.writeString(category);
        json.writeFieldName(TYPE);
        json.writeString(violation.type());
        json.writeFieldName(START_TIME);
        ResultJson.writeNumber(json, violation.startTime());
        json.writeFieldName(END_TIME);
        ResultJson.writeNumber(json, violation.endTime());
        json.writeFieldName(START_TIME_ISO);
        json.writeString(isoSeconds(violation.startTime()));
        json.writeFieldName(END_TIME_ISO);
        json.writeString(isoSeconds(violation.endTime()));
        json.writeFieldName(LAT);
        ResultJson.writeNumber(json, violation.lat());
        json.writeFieldName(LON);
        ResultJson.writeNumber(json, violation.lon());
        if (violation.osmWayIds().isEmpty()) {
            json.writeFieldName(OSM_WAY_ID);
            json.writeNull();
        } else {
            json.writeFieldName(OSM_WAY_ID);
            json.writeNumber(violation.osmWayIds().getFirst());
        }
        json.writeFieldName(OSM_WAY_IDS);
        json.writeStartArray();
        for (long wayId : violation.osmWayIds()) {
            json.writeNumber(wayId);
        }
        json.writeEndArray();
        json.writeFieldName(ROAD_NAME);
        json.writeString(violation.roadName());
        json.writeFieldName(CONFIDENCE);
        ResultJson.writeNumber(json, violation.confidence());
        json.writeFieldName(SEVERITY);
        json.writeString(violation.severity());
        Evidence evidence = Evidence.of(violation.evidence());
        for (int i = 0; i < evidence.size(); i++) {
            String key = evidence.key(i);
            json.writeFieldName(FIXED.contains(key) ? "evidence_" + key : key);
            TripJson.scalar(json, evidence.value(i));
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
