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

    @Test
    void measure_toleranceCreditsAWayTimedSlightlyOff() {
        // A 5 m way driven between two fixes 1 s apart: the engine places the node passages 0.6 s late.
        var route = List.of(truth(1, 100, 0, 10), truth(2, 5, 10, 10.4), truth(3, 100, 10.4, 20));
        var match = List.of(matched(1, 0, 10.6), matched(2, 10.6, 11.0), matched(3, 11.0, 20));
        // Without tolerance: way 2 gets nothing, way 3 loses its first 0.6 s: 100 + 0 + 100 x 9 / 9.6.
        assertEquals(193.75, RouteCoverage.measure(route, match, List.of(), 0, 0).correctMeters(), 1e-9);
        // One sampling interval of tolerance: all of it.
        assertEquals(205, RouteCoverage.measure(route, match, List.of(), 0, 1).correctMeters(), 1e-9);
    }

    @Test
    void measure_routeInsideAReceiverGapIsReportedApart() {
        // 60 s on way 1, the receiver silent from 20 to 40 s and the match broken there.
        var route = List.of(truth(1, 600, 0, 60));
        var match = List.of(matched(1, 0, 20), matched(1, 40, 60));
        var coverage = RouteCoverage.measure(route, match, List.of(new ReceiverGap(20, 40)), 0, 0);
        assertEquals(600, coverage.truthMeters(), 1e-9);
        assertEquals(400, coverage.correctMeters(), 1e-9);
        assertEquals(400, coverage.observedMeters(), 1e-9);
        assertEquals(400, coverage.observedCorrectMeters(), 1e-9);
    }
}
