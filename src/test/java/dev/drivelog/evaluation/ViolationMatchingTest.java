package dev.drivelog.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ViolationMatchingTest {
    private static TimedViolation v(double start, double end) {
        return new TimedViolation("speeding", start, end);
    }

    @Test
    void count_twoFindsForOneTruth_matchesOnlyOnce() {
        assertEquals(1, ViolationMatching.count(List.of(v(10, 20)), List.of(v(10, 14), v(15, 19)), 2));
    }

    @Test
    void count_oneFindSpanningTwoTruths_matchesOnlyOnce() {
        assertEquals(1, ViolationMatching.count(List.of(v(0, 10), v(20, 30)), List.of(v(5, 25)), 0));
    }

    @Test
    void count_greedyChoiceWouldBlockAnotherTruth_findsTheMaximumPairing() {
        // The first truth overlaps the first find most, but only the first find can serve the second truth.
        List<TimedViolation> truths = List.of(v(0, 10), v(8, 20));
        List<TimedViolation> found = List.of(v(5, 10), v(0, 1));
        assertEquals(2, ViolationMatching.count(truths, found, 0));
    }

    @Test
    void pair_oneFindNearTwoTruths_goesToTheTruthItOverlaps() {
        // Two stop signs passed 5 s apart, one found: it touches the first only through the slack
        // and overlaps the second, so the second is the pair and the first the miss.
        List<TimedViolation> truths = List.of(v(410.3, 414.8), v(415.2, 419.6));
        List<TimedViolation> found = List.of(v(415.2, 421.9));
        assertArrayEquals(new int[] {1}, ViolationMatching.pair(truths, found, 2));
    }

    @Test
    void count_gapWithinSlack_matches() {
        assertEquals(1, ViolationMatching.count(List.of(v(0, 10)), List.of(v(13, 15)), 1.5));
    }

    @Test
    void count_gapBeyondSlack_doesNotMatch() {
        assertEquals(0, ViolationMatching.count(List.of(v(0, 10)), List.of(v(13.5, 15)), 1.5));
    }

    @Test
    void count_nothingOnEitherSide_isZero() {
        assertEquals(0, ViolationMatching.count(List.of(), List.of(), 2));
        assertEquals(0, ViolationMatching.count(List.of(v(0, 1)), List.of(), 2));
        assertEquals(0, ViolationMatching.count(List.of(), List.of(v(0, 1)), 2));
    }
}
