package dev.drivelog.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of comparing results with truth over a set of trips: counts per violation type and
 * their totals, counts per driving-event type (apart: events are not violations), the violations a
 * conditional restriction decided (again apart, also within their type's counts), false alarms per distance driven, the share of the true route matched to the right
 * way, and where each fix was put. {@code routeNotEvaluated}: why the route could not be judged
 * (results without a matched path), or null.
 */
public record EvaluationReport(int trips, SortedMap<String, TypeCounts> perType, SortedMap<String, TypeCounts> perEventType,
                               SortedMap<String, TypeCounts> perConditionalType, RouteCoverage.Coverage route,
                               FixPlacement fixes, String routeNotEvaluated, EvaluationSettings settings,
                               List<Mismatch> mismatches) {
    public EvaluationReport {
        perType = new TreeMap<>(perType);
        perEventType = new TreeMap<>(perEventType);
        perConditionalType = new TreeMap<>(perConditionalType);
        mismatches = List.copyOf(mismatches);
    }

    public TypeCounts totals() {
        TypeCounts sum = TypeCounts.ZERO;
        for (TypeCounts counts : perType.values()) {
            sum = sum.plus(counts);
        }
        return sum;
    }

    public boolean routeEvaluated() {
        return routeNotEvaluated == null;
    }

    /** Share of the true route length on the right way; 1.0 for an empty route (nothing to get wrong). */
    public double routeCorrectFraction() {
        return route.truthMeters() <= 0 ? 1.0 : route.correctMeters() / route.truthMeters();
    }

    /** The same over the part of the route the log shows (outside receiver gaps). */
    public double observedRouteCorrectFraction() {
        return route.observedMeters() <= 0 ? 1.0 : route.observedCorrectMeters() / route.observedMeters();
    }

    /** Share of the log's fixes the engine put on the way the car was on. */
    public double fixesOnRightWay() {
        return fixes.rightWayFraction();
    }

    /** Share of the log's fixes put on the right way in the right direction. */
    public double fixesOnRightWayAndDirection() {
        return fixes.rightWayAndDirectionFraction();
    }

    /** False alarms of {@code counts} per 1,000 km of true route (0 without a route). */
    public double falseAlarmsPer1000Km(TypeCounts counts) {
        return route.truthMeters() <= 0 ? 0 : (counts.found() - counts.matched()) / (route.truthMeters() / 1e6);
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
        ObjectNode events = root.putObject("per_event_type");
        for (Map.Entry<String, TypeCounts> entry : perEventType.entrySet()) {
            put(events.putObject(entry.getKey()), entry.getValue());
        }
        ObjectNode conditional = root.putObject("per_conditional_type");
        for (Map.Entry<String, TypeCounts> entry : perConditionalType.entrySet()) {
            put(conditional.putObject(entry.getKey()), entry.getValue());
        }
        ObjectNode routeNode = root.putObject("route");
        routeNode.put("evaluated", routeEvaluated());
        if (routeEvaluated()) {
            routeNode.put("correct_fraction", round(routeCorrectFraction()));
            routeNode.put("observed_correct_fraction", round(observedRouteCorrectFraction()));
            routeNode.put("fixes", fixes.fixes());
            if (fixes.fixes() > 0) {
                routeNode.put("fixes_on_right_way", round(fixesOnRightWay()));
                routeNode.put("fixes_on_right_way_and_direction", round(fixesOnRightWayAndDirection()));
                routeNode.put("fixes_on_right_way_at_junctions", round(fixes.rightWayAtJunctionsFraction()));
            }
        } else {
            routeNode.put("reason", routeNotEvaluated);
        }
        routeNode.put("truth_length_m", round(route.truthMeters()));
        routeNode.put("observed_length_m", round(route.observedMeters()));
        if (routeEvaluated()) {
            routeNode.put("correct_length_m", round(route.correctMeters()));
        }
        ObjectNode used = root.putObject("settings");
        used.put("slack_s", settings.slackSeconds());
        used.put("bridge_s", settings.bridgeSeconds());
        if (settings.routeToleranceSeconds() != null) {
            used.put("route_tolerance_s", settings.routeToleranceSeconds());
        } else {
            used.put("route_tolerance_s", "one sampling interval");
        }
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

    private void put(ObjectNode node, TypeCounts counts) {
        node.put("truth", counts.truth());
        node.put("found", counts.found());
        node.put("matched", counts.matched());
        node.put("precision", round(counts.precision()));
        node.put("unobservable", counts.unobservable());
        node.put("recall", round(counts.recall()));
        node.put("recall_all", round(counts.recallAll()));
        node.put("false_alarms_per_1000_km", round(falseAlarmsPer1000Km(counts)));
    }

    private static double round(double value) {
        return Math.round(value * 10000.0) / 10000.0;
    }
}
