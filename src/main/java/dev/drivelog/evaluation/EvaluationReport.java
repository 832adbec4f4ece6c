package dev.drivelog.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of comparing results with truth over a set of trips: counts per violation type,
 * their totals, and the share of the true route length matched to the right way.
 */
public record EvaluationReport(int trips, SortedMap<String, TypeCounts> perType, double truthRouteMeters,
                               double correctRouteMeters, EvaluationSettings settings, List<Mismatch> mismatches) {
    public EvaluationReport {
        perType = new TreeMap<>(perType);
        mismatches = List.copyOf(mismatches);
    }

    public TypeCounts totals() {
        TypeCounts sum = TypeCounts.ZERO;
        for (TypeCounts counts : perType.values()) {
            sum = sum.plus(counts);
        }
        return sum;
    }

    /** Share of the true route length on the right way; 1.0 for an empty route (nothing to get wrong). */
    public double routeCorrectFraction() {
        return truthRouteMeters <= 0 ? 1.0 : correctRouteMeters / truthRouteMeters;
    }

    /** The report as JSON; with {@code details}, also every unpaired violation (by trip, kind, type, time). */
    public ObjectNode toJson(ObjectMapper mapper, boolean details) {
        ObjectNode root = mapper.createObjectNode();
        root.put("trips", trips);
        ObjectNode types = root.putObject("per_type");
        for (Map.Entry<String, TypeCounts> entry : perType.entrySet()) {
            put(types.putObject(entry.getKey()), entry.getValue());
        }
        put(root.putObject("totals"), totals());
        ObjectNode route = root.putObject("route");
        route.put("correct_fraction", round(routeCorrectFraction()));
        route.put("truth_length_m", round(truthRouteMeters));
        route.put("correct_length_m", round(correctRouteMeters));
        ObjectNode used = root.putObject("settings");
        used.put("slack_s", settings.slackSeconds());
        used.put("bridge_s", settings.bridgeSeconds());
        if (details) {
            ArrayNode list = root.putArray("mismatches");
            for (Mismatch m : mismatches) {
                ObjectNode node = list.addObject();
                node.put("trip_id", m.tripId());
                node.put("kind", m.kind().jsonName());
                node.put("type", m.type());
                node.put("start_time", m.startTime());
                node.put("end_time", m.endTime());
            }
        }
        return root;
    }

    private static void put(ObjectNode node, TypeCounts counts) {
        node.put("truth", counts.truth());
        node.put("found", counts.found());
        node.put("matched", counts.matched());
        node.put("precision", round(counts.precision()));
        node.put("unobservable", counts.unobservable());
        node.put("recall", round(counts.recall()));
        node.put("recall_all", round(counts.recallAll()));
    }

    private static double round(double value) {
        return Math.round(value * 10000.0) / 10000.0;
    }
}
