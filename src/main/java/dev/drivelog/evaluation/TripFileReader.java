package dev.drivelog.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads truth ({@code drivelog.truth/1}) and result ({@code drivelog.trip/1.5}; files of {@code drivelog.trip/1}, 1.1, 1.2, 1.3 and 1.4 are read alike) files into the few
 * fields the evaluation needs. Every problem becomes an {@link EvaluationInputException} naming the
 * file and the offending key (e.g. {@code violations[2].start_time}).
 */
public final class TripFileReader {
    static final String TRUTH_SCHEMA = "drivelog.truth/1";
    static final String RESULT_SCHEMA = "drivelog.trip/1.5";
    // 1.4 had no curve counts in summary.events.
    static final String RESULT_SCHEMA_1_4 = "drivelog.trip/1.4";
    // 1.4 added curve_overspeed's advisory_kmh and basis evidence.
    static final String RESULT_SCHEMA_1_3 = "drivelog.trip/1.3";
    // 1.3 named the rule in the evidence (conditional and per-class tags) and the analysed vehicle class.
    static final String RESULT_SCHEMA_1_2 = "drivelog.trip/1.2";
    // 1.2 added the driving events and severities, 1.1 renamed evidence values: all read alike.
    static final String RESULT_SCHEMA_1_1 = "drivelog.trip/1.1";
    // 1.1 kept every field of 1 and renamed the values of evidence.limit_source: results of either read alike.
    static final String RESULT_SCHEMA_1_0 = "drivelog.trip/1";

    private final ObjectMapper mapper;

    public TripFileReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public TruthTrip readTruth(Path file) {
        JsonNode root = parse(file, TRUTH_SCHEMA);
        return new TruthTrip(text(file, root, "trip_id"), ways(file, root, "route", true), violations(file, root),
                receiverGaps(file, root), fixTimes(file, root), events(file, root));
    }

    public ResultTrip readResult(Path file) {
        JsonNode root = parse(file, RESULT_SCHEMA);
        // `matched` is optional in the format (present only with matched=true); absent means nothing matched.
        boolean hasMatched = root.has("matched");
        List<WayInterval> matched = hasMatched ? ways(file, root, "matched", false) : List.of();
        return new ResultTrip(text(file, root, "trip_id"), matched, violations(file, root), hasMatched, events(file, root));
    }

    private JsonNode parse(Path file, String schema) {
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new EvaluationInputException(file + ": not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr(), e);
        } catch (NoSuchFileException e) {
            throw new EvaluationInputException(file + ": file not found", e);
        } catch (IOException e) {
            throw new EvaluationInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new EvaluationInputException(file + ": expected a JSON object");
        }
        String found = root.path("schema").asText(null);
        boolean olderResult = schema.equals(RESULT_SCHEMA) && (RESULT_SCHEMA_1_0.equals(found) || RESULT_SCHEMA_1_1.equals(found) || RESULT_SCHEMA_1_2.equals(found)
                || RESULT_SCHEMA_1_3.equals(found) || RESULT_SCHEMA_1_4.equals(found));
        if (!schema.equals(found) && !olderResult) {
            throw new EvaluationInputException(file + ": schema is " + (found == null ? "missing" : "'" + found + "'")
                    + ", expected '" + schema + "'");
        }
        return root;
    }

    private static List<TimedViolation> violations(Path file, JsonNode root) {
        JsonNode array = root.get("violations");
        if (array == null || !array.isArray()) {
            throw new EvaluationInputException(file + ": violations must be an array");
        }
        return findings(file, array, "violations");
    }

    /** {@code events} is optional: results before drivelog.trip/1.2 and older truth have none. */
    private static List<TimedViolation> events(Path file, JsonNode root) {
        JsonNode array = root.get("events");
        if (array == null) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new EvaluationInputException(file + ": events must be an array");
        }
        return findings(file, array, "events");
    }

    private static List<TimedViolation> findings(Path file, JsonNode array, String key) {
        List<TimedViolation> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String where = key + "[" + i + "]";
            JsonNode v = array.get(i);
            try {
                out.add(new TimedViolation(text(file, v, where, "type"), number(file, v, where, "start_time"),
                        number(file, v, where, "end_time"), decidedByConditional(v)));
            } catch (IllegalArgumentException e) {
                throw new EvaluationInputException(file + ": " + where + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Whether the finding's evidence names the conditional rule that decided it (docs/CONDITIONAL.md). */
    private static boolean decidedByConditional(JsonNode violation) {
        JsonNode evidence = violation.get("evidence");
        if (evidence == null || !evidence.isObject()) {
            return false;
        }
        JsonNode limitSource = evidence.get("limit_source");
        return evidence.has("conditional_tag") || (limitSource != null && "conditional".equals(limitSource.asText()));
    }

    /** {@code receiver_gaps} is optional: truth written before it existed has none recorded. */
    private static List<ReceiverGap> receiverGaps(Path file, JsonNode root) {
        JsonNode array = root.get("receiver_gaps");
        if (array == null) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new EvaluationInputException(file + ": receiver_gaps must be an array");
        }
        List<ReceiverGap> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String where = "receiver_gaps[" + i + "]";
            JsonNode gap = array.get(i);
            try {
                out.add(new ReceiverGap(number(file, gap, where, "start_time"), number(file, gap, where, "end_time")));
            } catch (IllegalArgumentException e) {
                throw new EvaluationInputException(file + ": " + where + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** {@code fix_times} is optional: truth written before it existed has none. */
    private static List<Double> fixTimes(Path file, JsonNode root) {
        JsonNode array = root.get("fix_times");
        if (array == null) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new EvaluationInputException(file + ": fix_times must be an array");
        }
        List<Double> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode t = array.get(i);
            if (!t.isNumber() || !Double.isFinite(t.asDouble())) {
                throw new EvaluationInputException(file + ": fix_times[" + i + "] must be a number");
            }
            out.add(t.asDouble());
        }
        return out;
    }

    private static List<WayInterval> ways(Path file, JsonNode root, String key, boolean needLength) {
        JsonNode array = root.get(key);
        if (array == null || !array.isArray()) {
            throw new EvaluationInputException(file + ": " + key + " must be an array");
        }
        List<WayInterval> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String where = key + "[" + i + "]";
            JsonNode w = array.get(i);
            JsonNode id = w.get("osm_way_id");
            if (id == null || !id.canConvertToLong() || !id.isIntegralNumber()) {
                throw new EvaluationInputException(file + ": " + where + ".osm_way_id must be an integer");
            }
            double length = needLength ? number(file, w, where, "length_m") : 0;
            JsonNode forward = w.get("forward");
            if (forward != null && !forward.isBoolean()) {
                throw new EvaluationInputException(file + ": " + where + ".forward must be true or false");
            }
            try {
                out.add(new WayInterval(id.asLong(), forward == null ? null : forward.asBoolean(), length,
                        number(file, w, where, "start_time"), number(file, w, where, "end_time")));
            } catch (IllegalArgumentException e) {
                throw new EvaluationInputException(file + ": " + where + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static String text(Path file, JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual()) {
            throw new EvaluationInputException(file + ": " + key + " must be a string");
        }
        return value.asText();
    }

    private static String text(Path file, JsonNode node, String where, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isTextual()) {
            throw new EvaluationInputException(file + ": " + where + "." + key + " must be a string");
        }
        return value.asText();
    }

    private static double number(Path file, JsonNode node, String where, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new EvaluationInputException(file + ": " + where + "." + key + " must be a number");
        }
        return value.asDouble();
    }
}
