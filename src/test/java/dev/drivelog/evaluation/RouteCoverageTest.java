package dev.drivelog.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteCoverageTest {
    private static WayInterval truth(long way, double meters, double start, double end) {
        return new WayInterval(way, meters, start, end);
    }

    private static WayInterval matched(long way, double start, double end) {
        return new WayInterval(way, 0, start, end);
    }

    @Test
    void correctMeters_handOverBetweenFixes_isSharedByNeighbours() {
        // Fixes every 5 s: the matcher's entries end at 20 and start at 25; the truth changes way at 22.
        var route = List.of(truth(1, 200, 0, 22), truth(2, 100, 22, 40));
        var match = List.of(matched(1, 0, 20), matched(2, 25, 40));
        // Way 1 gets [0, 22.5] (all of its 22 s); way 2 gets [22.5, 40] of its [22, 40]: 17.5 / 18.
        assertEquals(200 + 100 * 17.5 / 18, RouteCoverage.correctMeters(route, match, 12), 1e-9);
    }

    @Test
    void correctMeters_wrongWay_getsNoCredit() {
        var route = List.of(truth(1, 300, 0, 30));
        assertEquals(0, RouteCoverage.correctMeters(route, List.of(matched(9, 0, 30)), 12), 1e-9);
    }

    @Test
    void correctMeters_longBreakInMatch_staysUnclaimed() {
        var route = List.of(truth(1, 600, 0, 60));
        var match = List.of(matched(1, 0, 10), matched(1, 50, 60));
        // 10 s gap limit: each side widened by at most 5 s into the 40 s gap.
        assertEquals(600 * 30.0 / 60, RouteCoverage.correctMeters(route, match, 10), 1e-9);
    }

    @Test
    void correctMeters_overlappingEntriesOnSameWay_countOnce() {
        var route = List.of(truth(1, 100, 0, 10));
        var match = List.of(matched(1, 0, 8), matched(1, 2, 10));
        assertEquals(100, RouteCoverage.correctMeters(route, match, 0), 1e-9);
    }
}
