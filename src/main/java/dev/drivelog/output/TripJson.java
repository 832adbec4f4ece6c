package dev.drivelog.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.drivelog.analysis.result.EventCoverage;
import dev.drivelog.analysis.result.Evidence;
import dev.drivelog.analysis.result.StopSignCounts;
import dev.drivelog.analysis.result.TripQuality;
import dev.drivelog.analysis.result.TripSummary;
import dev.drivelog.analysis.result.Violation;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

/**
 * A trip's summary and findings written field by field, byte for byte as {@link ResultJson#mapper()}
 * serialises the records (their components in order, snake_case, nulls where the records'
 * {@code @JsonInclude} keeps them): every trip of every input is written this way, and binding by
 * reflection cost more than writing the numbers. {@code TripJsonTest} holds the two to the same bytes.
 */
final class TripJson {
    private TripJson() {
    }

    static void summary(JsonGenerator json, TripSummary summary) throws IOException {
        json.writeStartObject();
        json.writeNumberField("points", summary.points());
        json.writeNumberField("points_used", summary.pointsUsed());
        json.writeNumberField("matched_points", summary.matchedPoints());
        number(json, "matched_fraction", summary.matchedFraction());
        json.writeNumberField("segments", summary.segments());
        number(json, "distance_m", summary.distanceM());
        number(json, "duration_s", summary.durationS());
        number(json, "start_time", summary.startTime());
        number(json, "end_time", summary.endTime());
        json.writeFieldName("quality");
        quality(json, summary.quality());
        if (summary.stopSigns() != null) {
            stopSigns(json, summary.stopSigns());
        }
        if (summary.events() != null) {
            coverage(json, summary.events());
        }
        json.writeEndObject();
    }

    private static void quality(JsonGenerator json, TripQuality quality) throws IOException {
        if (quality == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeNumberField("dropped_points", quality.droppedPoints());
        if (quality.outOfOrderPoints() != null) {
            json.writeNumberField("out_of_order_points", quality.outOfOrderPoints().longValue());
        }
        json.writeNumberField("gaps", quality.gaps());
        number(json, "longest_gap_s", quality.longestGapS());
        json.writeNumberField("low_accuracy_points", quality.lowAccuracyPoints());
        json.writeNumberField("outliers", quality.outliers());
        if (quality.unmatchedPoints() != null) {
            json.writeNumberField("unmatched_points", quality.unmatchedPoints().longValue());
        }
        if (quality.breaks() != null) {
            json.writeNumberField("breaks", quality.breaks().intValue());
        }
        json.writeArrayFieldStart("flags");
        for (String flag : quality.flags()) {
            json.writeString(flag);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void stopSigns(JsonGenerator json, StopSignCounts stopSigns) throws IOException {
        json.writeObjectFieldStart("stop_signs");
        json.writeNumberField("passed", stopSigns.passed());
        json.writeNumberField("stopped", stopSigns.stopped());
        json.writeNumberField("violations", stopSigns.violations());
        json.writeNumberField("undecided", stopSigns.undecided());
        json.writeEndObject();
    }

    private static void coverage(JsonGenerator json, EventCoverage events) throws IOException {
        json.writeObjectFieldStart("events");
        number(json, "decided_s", events.decidedS());
        number(json, "undecided_s", events.undecidedS());
        json.writeStringField("undecided_reason", events.undecidedReason());
        json.writeNumberField("curves_judged", events.curvesJudged());
        json.writeNumberField("curves_undecided", events.curvesUndecided());
        json.writeEndObject();
    }

    /** A list of findings as {@code [ {type, start_time, ..., evidence}, ... ]}. */
    /** A finding's names are encoded once (the fixed ones are ViolationColumns'), as there. */
    private static final SerializedString EVIDENCE = new SerializedString("evidence");

    static void findings(JsonGenerator json, List<Violation> findings) throws IOException {
        json.writeStartArray();
        for (Violation finding : findings) {
            json.writeStartObject();
            json.writeFieldName(ViolationColumns.TYPE);
            json.writeString(finding.type());
            number(json, ViolationColumns.START_TIME, finding.startTime());
            number(json, ViolationColumns.END_TIME, finding.endTime());
            number(json, ViolationColumns.LAT, finding.lat());
            number(json, ViolationColumns.LON, finding.lon());
            json.writeFieldName(ViolationColumns.OSM_WAY_IDS);
            json.writeStartArray();
            for (long wayId : finding.osmWayIds()) {
                json.writeNumber(wayId);
            }
            json.writeEndArray();
            json.writeFieldName(ViolationColumns.ROAD_NAME);
            json.writeString(finding.roadName());
            number(json, ViolationColumns.CONFIDENCE, finding.confidence());
            json.writeFieldName(ViolationColumns.SEVERITY);
            json.writeString(finding.severity());
            json.writeFieldName(EVIDENCE);
            json.writeStartObject();
            Evidence evidence = Evidence.of(finding.evidence());
            for (int i = 0; i < evidence.size(); i++) {
                json.writeFieldName(evidence.key(i));
                scalar(json, evidence.value(i));
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** An evidence value as the mapper writes it: the scalars the result reader makes directly, anything else through the mapper. */
    static void scalar(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case Double d -> ResultJson.writeNumber(json, d);
            case Integer i -> json.writeNumber(i.intValue());
            case Long l -> json.writeNumber(l.longValue());
            case BigInteger b -> json.writeNumber(b);
            case String s -> json.writeString(s);
            case Boolean b -> json.writeBoolean(b);
            default -> ResultJson.mapper().writeValue(json, value);
        }
    }

    private static void number(JsonGenerator json, SerializableString field, double value) throws IOException {
        json.writeFieldName(field);
        ResultJson.writeNumber(json, value);
    }

    private static void number(JsonGenerator json, String field, double value) throws IOException {
        json.writeFieldName(field);
        ResultJson.writeNumber(json, value);
    }

    private static void number(JsonGenerator json, String field, Double value) throws IOException {
        json.writeFieldName(field);
        if (value == null) {
            json.writeNull();
        } else {
            ResultJson.writeNumber(json, value);
        }
    }
}
