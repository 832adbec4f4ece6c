package dev.drivelog.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.config.ScoreConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreTallyTest {
    private static final ScoreConfig DEFAULTS = ScoreConfig.DEFAULTS;

    private static TripRecord trip(double km) {
        return new TripRecord("in.csv", "car-1", "car-1/t", 1795161600, km * 1000, km * 90);
    }

    private static Finding finding(String type, String severity) {
        return new Finding("in.csv", "car-1", "car-1/t", type, null, severity, 1795161700, 35.0, 139.0, "", "way/1");
    }

    @Test
    void score_noFindingsOverLongDistance_approachesHundredButPriorKeepsItBelow() {
        ScoreTally tally = new ScoreTally(DEFAULTS);
        tally.addTrip(trip(1000));

        Score score = tally.score();

        // (0 + 1 x 20 / 100) x 100 / 1020 = 0.0196 points per 100 km -> 100 x 0.5^(0.0196 / 4)
        assertEquals(0.0196, score.pointsPer100km(), 0.0001);
        assertEquals(99.66, score.score(), 0.01);
        assertEquals(0, score.findings());
    }

    @Test
    void score_rateAtHalfScorePoints_isFifty() {
        ScoreConfig noPrior = new ScoreConfig(DEFAULTS.weights(), 1, DEFAULTS.severityFactors(), 4, 0, 0, 5);
        ScoreTally tally = new ScoreTally(noPrior);
        tally.addTrip(trip(100));
        tally.addFinding(finding("speeding", "light"));
        tally.addFinding(finding("stop_sign", null)); // 2 x unrated 1
        tally.addFinding(finding("turn_restriction", "light"));

        Score score = tally.score();

        assertEquals(4.0, score.penaltyPoints(), 1e-9);
        assertEquals(4.0, score.pointsPer100km(), 1e-9);
        assertEquals(50.0, score.score(), 1e-9);
    }

    @Test
    void score_severityAndWeight_multiply() {
        ScoreTally tally = new ScoreTally(DEFAULTS);
        tally.addTrip(trip(50));
        tally.addFinding(finding("speeding", "severe"));   // 1 x 6
        tally.addFinding(finding("wrong_way", "heavy"));   // 2 x 3
        tally.addFinding(finding("made_up_type", "moderate")); // default 1 x 2
        tally.addFinding(finding("harsh_braking", "no-such-grade")); // 1 x unrated 1

        assertEquals(6 + 6 + 2 + 1, tally.score().penaltyPoints(), 1e-9);
    }

    @Test
    void score_shortTrip_hasNoScoreButItsCountsAndDistance() {
        ScoreTally tally = new ScoreTally(DEFAULTS);
        tally.addTrip(trip(2));
        tally.addFinding(finding("speeding", "light"));

        Score score = tally.score();

        assertNull(score.score(), "2 km is below min_distance_km 5");
        assertNull(score.pointsPer100km());
        assertEquals(1, score.findings("speeding"));
        assertEquals(50.0, score.per100km("speeding"), 1e-9, "the raw rate is still there to read");
        assertEquals(2.0, score.distanceKm(), 1e-9);
    }

    @Test
    void score_oneFindingJustAboveMinimumDistance_isModerateNotZero() {
        ScoreTally tally = new ScoreTally(DEFAULTS);
        tally.addTrip(trip(5));
        tally.addFinding(finding("speeding", "light"));

        Score score = tally.score();

        // Without the prior: 20 points per 100 km, a score of 3. With it: (1 + 0.2) x 100 / 25 = 4.8 -> 43.5.
        assertEquals(4.8, score.pointsPer100km(), 1e-9);
        assertEquals(100 * Math.pow(0.5, 4.8 / 4), score.score(), 1e-9);
        assertTrue(score.score() > 40);
    }

    @Test
    void score_manyTrips_addDistanceTimeAndCountsBySeverity() {
        ScoreTally tally = new ScoreTally(DEFAULTS);
        tally.addTrip(trip(10));
        tally.addTrip(trip(30));
        tally.addFinding(finding("speeding", "light"));
        tally.addFinding(finding("speeding", "light"));
        tally.addFinding(finding("speeding", "heavy"));

        Score score = tally.score();

        assertEquals(2, score.trips());
        assertEquals(40.0, score.distanceKm(), 1e-9);
        assertEquals(1.0, score.durationH(), 1e-9);
        assertEquals(Map.of("speeding", Map.of("light", 2, "heavy", 1)), score.countsByTypeAndSeverity());
        assertEquals(7.5, score.per100km("speeding"), 1e-9);
    }
}
