package dev.drivelog.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final double EPS = 1e-9;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Evaluator evaluator = new Evaluator(new TripFileReader(mapper), EvaluationSettings.DEFAULTS);

    static Path fixture(String name) {
        try {
            return Path.of(EvaluatorTest.class.getResource("/evaluation/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private EvaluationReport evaluate(String name) {
        return evaluator.evaluate(fixture(name).resolve("truth"), fixture(name).resolve("results"));
    }

    @Test
    void evaluate_mixedFixture_countsEveryTypeAsDesigned() {
        EvaluationReport report = evaluate("mixed");

        assertEquals(2, report.trips());
        // trip-a's speeding matched; trip-b's truth matched by one of two found episodes, the other is false.
        assertEquals(new TypeCounts(2, 3, 2), report.perType().get("speeding"));
        // Found 1.5 s after the truth ended: inside the 2 s slack.
        assertEquals(new TypeCounts(1, 1, 1), report.perType().get("stop_sign"));
        assertEquals(new TypeCounts(1, 0, 0), report.perType().get("wrong_way"));
        assertEquals(new TypeCounts(0, 1, 0), report.perType().get("no_entry"));
        // Found 8 s after the truth: no overlap even with slack, so one miss and one false alarm.
        assertEquals(new TypeCounts(1, 1, 0), report.perType().get("turn_restriction"));
        assertEquals(new TypeCounts(5, 6, 3), report.totals());
    }

    @Test
    void evaluate_conditionalViolations_areCountedApartAndPairedOnlyWithConditionalOnes() {
        EvaluationReport report = evaluate("conditional");

        // Within their types, every violation counts as before.
        assertEquals(new TypeCounts(2, 2, 2), report.perType().get("no_entry"));
        assertEquals(new TypeCounts(1, 1, 1), report.perType().get("wrong_way"));
        // Apart: the conditional no_entry found as such; the conditional wrong_way found without its rule
        // (a miss here); a speeding finding under a conditional limit with no conditional truth (a false alarm).
        assertEquals(new TypeCounts(1, 1, 1), report.perConditionalType().get("no_entry"));
        assertEquals(new TypeCounts(1, 0, 0), report.perConditionalType().get("wrong_way"));
        assertEquals(new TypeCounts(0, 1, 0), report.perConditionalType().get("speeding"));
        JsonNode json = report.toJson(mapper, true);
        assertEquals(0.0, json.get("per_conditional_type").get("wrong_way").get("recall").asDouble(), EPS);
        assertEquals(1.0, json.get("per_conditional_type").get("no_entry").get("precision").asDouble(), EPS);
        // The mismatches list the per-type ones only once.
        assertEquals(1, json.get("mismatches").size());
    }

    @Test
    void evaluate_drivingEvents_areCountedPerTypeApartFromTheViolations() {
        EvaluationReport report = evaluate("events");

        assertEquals(new TypeCounts(1, 1, 1), report.perEventType().get("harsh_braking"));
        assertEquals(new TypeCounts(1, 0, 0), report.perEventType().get("harsh_cornering"));
        assertEquals(new TypeCounts(0, 1, 0), report.perEventType().get("harsh_acceleration"));
        assertEquals(TypeCounts.ZERO, report.perEventType().get("curve_overspeed"));
        // The violations' totals know nothing of the events.
        assertEquals(new TypeCounts(1, 1, 1), report.totals());
        assertFalse(report.perType().containsKey("harsh_braking"));
        JsonNode json = report.toJson(mapper, false);
        assertEquals(1, json.get("per_event_type").get("harsh_braking").get("matched").asInt());
    }

    @Test
    void evaluate_mixedFixture_definesPrecisionAndRecallWithoutTruthOrFinds() {
        EvaluationReport report = evaluate("mixed");

        assertEquals(2.0 / 3.0, report.perType().get("speeding").precision(), EPS);
        assertEquals(1.0, report.perType().get("speeding").recall(), EPS);
        // Nothing found: no wrong claims (precision 1), everything missed (recall 0).
        assertEquals(1.0, report.perType().get("wrong_way").precision(), EPS);
        assertEquals(0.0, report.perType().get("wrong_way").recall(), EPS);
        // Nothing true: the claim is wrong (precision 0), nothing to miss (recall 1).
        assertEquals(0.0, report.perType().get("no_entry").precision(), EPS);
        assertEquals(1.0, report.perType().get("no_entry").recall(), EPS);
    }

    @Test
    void evaluate_mixedFixture_routeFractionCountsRightWayAtRightTime() {
        EvaluationReport report = new Evaluator(new TripFileReader(mapper), new EvaluationSettings(2.0, 12.0, 0.0))
                .evaluate(fixture("mixed").resolve("truth"), fixture("mixed").resolve("results"));

        // No tolerance: trip-a's way 1 is 9.5 of 10 s right (95 m), way 2 15.5 of 30 s (155 m) before
        // way 3 takes over; trip-b was matched to another way (0 of 100 m).
        assertEquals(500.0, report.route().truthMeters(), EPS);
        assertEquals(250.0, report.route().correctMeters(), 1e-6);
        assertEquals(0.5, report.routeCorrectFraction(), 1e-9);
    }

    @Test
    void evaluate_mixedFixture_routeToleranceIsOneSamplingInterval() {
        EvaluationReport report = evaluate("mixed");

        // trip-a's fixes are 5 s apart: every matched entry may be 5 s off at either end. Way 1 is
        // then all right (100 m), way 2 right until 1730, when way 3 (wrong) has taken over (200 m).
        assertEquals(300.0, report.route().correctMeters(), 1e-6);
        assertEquals(0.6, report.routeCorrectFraction(), 1e-9);
    }

    @Test
    void evaluate_mixedFixture_countsFixesOnTheRightWayAndDirection() {
        EvaluationReport report = evaluate("mixed");

        // trip-a's 9 fixes (trip-b's truth lists none): 1700-1725 on the right way, 1730-1740 on way 3.
        assertEquals(9, report.fixes().fixes());
        assertEquals(6, report.fixes().onRightWay());
        assertEquals(6, report.fixes().onRightWayAndDirection());
        JsonNode json = report.toJson(mapper, false);
        assertEquals(0.6667, json.at("/route/fixes_on_right_way").asDouble(), EPS);
        assertEquals(9, json.at("/route/fixes").asInt());
    }

    @Test
    void evaluate_resultsWithoutMatchedPath_sayTheRouteWasNotEvaluated() {
        EvaluationReport report = evaluate("unmatched");

        assertFalse(report.routeEvaluated());
        assertTrue(report.routeNotEvaluated().contains("1 of 1 results have no matched path"), report.routeNotEvaluated());
        assertTrue(report.routeNotEvaluated().contains("trip-c.json"), report.routeNotEvaluated());
        assertTrue(report.routeNotEvaluated().contains("--matched"), report.routeNotEvaluated());
        JsonNode json = report.toJson(mapper, false);
        assertFalse(json.at("/route/evaluated").asBoolean(true));
        assertTrue(json.at("/route/correct_fraction").isMissingNode(), "no 0.0 that looks like a measurement");
        assertTrue(json.at("/route/reason").asText().contains("analyse with --matched"));
    }

    @Test
    void evaluate_mixedFixture_reportsFalseAlarmsPerThousandKilometres() {
        EvaluationReport report = evaluate("mixed");

        // One false no_entry over 500 m of route: 2,000 per 1,000 km; speeding one false in 3 found.
        JsonNode json = report.toJson(mapper, false);
        assertEquals(2000.0, json.at("/per_type/no_entry/false_alarms_per_1000_km").asDouble(), EPS);
        assertEquals(2000.0, json.at("/per_type/speeding/false_alarms_per_1000_km").asDouble(), EPS);
        assertEquals(0.0, json.at("/per_type/stop_sign/false_alarms_per_1000_km").asDouble(), EPS);
    }

    @Test
    void evaluate_missedViolationsInReceiverGaps_areUnobservableAndLeftOutOfRecallOnly() {
        EvaluationReport report = evaluate("gaps");

        // Inside the first gap: hidden. After the gap: an ordinary miss.
        assertEquals(new TypeCounts(2, 0, 0, 1), report.perType().get("stop_sign"));
        assertEquals(0.0, report.perType().get("stop_sign").recall(), EPS);
        // Found although partly in a gap: a plain match, nothing unobservable.
        assertEquals(new TypeCounts(1, 1, 1, 0), report.perType().get("speeding"));
        // Starts exactly at the fix that ends the gap: visible, so a real miss.
        assertEquals(new TypeCounts(1, 0, 0, 0), report.perType().get("wrong_way"));
        assertEquals(new TypeCounts(4, 1, 1, 1), report.totals());
        assertEquals(1.0 / 3.0, report.totals().recall(), EPS);
        assertEquals(1.0 / 4.0, report.totals().recallAll(), EPS);
        assertEquals(List.of(Mismatch.Kind.UNOBSERVABLE, Mismatch.Kind.MISSED, Mismatch.Kind.MISSED),
                report.mismatches().stream().map(Mismatch::kind).toList());
        JsonNode json = report.toJson(mapper, true);
        assertEquals(1, json.at("/per_type/stop_sign/unobservable").asInt());
        assertEquals(0.25, json.at("/totals/recall_all").asDouble(), EPS);
        assertEquals("unobservable", json.at("/mismatches/0/kind").asText());
    }

    @Test
    void evaluate_missedViolationsBeforeTheFirstFixOrAfterTheLast_areUnobservable() {
        EvaluationReport report = evaluate("log-ends");

        // The log runs from the first to the last of fix_times: a stop before it starts or after it
        // ends (a dropout at either end of the drive) is hidden; one within it, or ending exactly at
        // the last fix, is an ordinary miss (there is no gap between 1795161710 and 1795161780 in
        // receiver_gaps, so the second is a miss too).
        assertEquals(new TypeCounts(4, 0, 0, 2), report.perType().get("stop_sign"));
        assertEquals(List.of(Mismatch.Kind.UNOBSERVABLE, Mismatch.Kind.MISSED, Mismatch.Kind.MISSED, Mismatch.Kind.UNOBSERVABLE),
                report.mismatches().stream().map(Mismatch::kind).toList());
    }

    @Test
    void evaluate_routeBeforeTheFirstFixOrAfterTheLast_isLeftOutOfTheObservedRoute() {
        EvaluationReport report = evaluate("log-ends");

        // 500 m in 100 s; the log runs from 1795161705 to 1795161780 and the match spans it, widened
        // at both ends by half the 12 s bridge: 86 s right (430 m) of the whole route, and all 75 s
        // (375 m) of the part the log shows. The drive after the last fix is no matcher's to find.
        assertEquals(500.0, report.route().truthMeters(), EPS);
        assertEquals(430.0, report.route().correctMeters(), 1e-6);
        assertEquals(375.0, report.route().observedMeters(), 1e-6);
        assertEquals(375.0, report.route().observedCorrectMeters(), 1e-6);
        assertEquals(1.0, report.observedRouteCorrectFraction(), 1e-9);
    }

    @Test
    void typeCounts_moreUnobservableThanUnpairedTruth_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TypeCounts(2, 1, 1, 2));
    }

    @Test
    void evaluate_noViolationsAnywhere_reportsAllTypesAsPerfect() {
        EvaluationReport report = evaluate("clean");

        assertEquals(Evaluator.TYPES, report.perType().keySet().stream().toList());
        for (TypeCounts counts : report.perType().values()) {
            assertEquals(TypeCounts.ZERO, counts);
            assertEquals(1.0, counts.precision(), EPS);
            assertEquals(1.0, counts.recall(), EPS);
        }
        assertEquals(1.0, report.routeCorrectFraction(), EPS);
    }

    @Test
    void toJson_mixedFixture_hasPerTypeTotalsAndRoute() {
        JsonNode json = evaluate("mixed").toJson(mapper, false);

        assertTrue(json.at("/mismatches").isMissingNode());
        assertEquals(3, json.at("/per_type/speeding/found").asInt());
        assertEquals(0.6667, json.at("/per_type/speeding/precision").asDouble(), EPS);
        assertEquals(1.0, json.at("/per_type/speeding/recall").asDouble(), EPS);
        assertEquals(2, json.at("/per_type/speeding/matched").asInt());
        assertEquals(5, json.at("/totals/truth").asInt());
        assertEquals(0.6, json.at("/route/correct_fraction").asDouble(), EPS);
    }

    @Test
    void evaluate_mixedFixture_listsEveryUnpairedViolation() {
        EvaluationReport report = evaluate("mixed");
        double t0 = 1795161600;

        // trip-a: the wrong way was missed, the no-entry is a false alarm; trip-b: one speeding find too
        // many (both overlap the truth by 4 s; the one nearer its centre is paired), and the
        // turn-restriction find and truth do not overlap.
        assertEquals(List.of(
                new Mismatch("trip-a", Mismatch.Kind.FALSE_ALARM, "no_entry", t0 + 400, t0 + 410),
                new Mismatch("trip-a", Mismatch.Kind.MISSED, "wrong_way", t0 + 132, t0 + 138),
                new Mismatch("trip-b", Mismatch.Kind.FALSE_ALARM, "speeding", t0 + 10, t0 + 14),
                new Mismatch("trip-b", Mismatch.Kind.FALSE_ALARM, "turn_restriction", t0 + 60, t0 + 62),
                new Mismatch("trip-b", Mismatch.Kind.MISSED, "turn_restriction", t0 + 50, t0 + 52)),
                report.mismatches());
        JsonNode json = report.toJson(mapper, true);
        assertEquals(5, json.at("/mismatches").size());
        assertEquals("false_alarm", json.at("/mismatches/0/kind").asText());
        assertEquals("missed", json.at("/mismatches/1/kind").asText());
        assertEquals("trip-a", json.at("/mismatches/1/trip_id").asText());
    }

    @Test
    void evaluate_missingResult_namesTheMissingFile() {
        var e = assertThrows(EvaluationInputException.class, () -> evaluate("missing-result"));
        assertTrue(e.getMessage().contains("trip-d.json"), e.getMessage());
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void evaluate_truncatedJson_namesTheFileAndLine() {
        var e = assertThrows(EvaluationInputException.class, () -> evaluate("bad-json"));
        assertTrue(e.getMessage().contains("trip-e.json"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void evaluate_wrongSchema_namesExpectedSchema() {
        var e = assertThrows(EvaluationInputException.class, () -> evaluate("wrong-schema"));
        assertTrue(e.getMessage().contains("trip-f.truth.json"), e.getMessage());
        assertTrue(e.getMessage().contains("drivelog.truth/1"), e.getMessage());
    }

    @Test
    void evaluate_violationWithoutStartTime_namesFileAndKey() {
        var e = assertThrows(EvaluationInputException.class, () -> evaluate("missing-key"));
        assertTrue(e.getMessage().contains("trip-g.json"), e.getMessage());
        assertTrue(e.getMessage().contains("violations[1].start_time"), e.getMessage());
    }

    @Test
    void evaluate_emptyTruthDirectory_isAnError() {
        var e = assertThrows(EvaluationInputException.class,
                () -> evaluator.evaluate(fixture("missing-result").resolve("results"), fixture("clean").resolve("results")));
        assertTrue(e.getMessage().contains("no *.truth.json files"), e.getMessage());
    }
}
