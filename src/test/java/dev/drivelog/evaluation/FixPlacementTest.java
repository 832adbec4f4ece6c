package dev.drivelog.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FixPlacementTest {
    // The truth: 20 m of way 1 in 2 s, then 20 m of way 2 (10 m/s): the junction at t = 2.
    private static final List<WayInterval> ROUTE = List.of(new WayInterval(1, true, 20, 0, 2), new WayInterval(2, true, 20, 2, 4));

    @Test
    void of_fixMetresBeforeAJunctionMatchedToTheNextWay_countsOnlyAtJunctions() {
        // The engine hands over to way 2 at 1.7 s: the fix at 1.9 s (the car 1 m before the junction)
        // is on way 2 for it, the one at 1.5 s (5 m before) still on way 1.
        List<WayInterval> matched = List.of(new WayInterval(1, true, 0, 0, 1.7), new WayInterval(2, true, 0, 1.7, 4));
        FixPlacement placement = FixPlacement.of(List.of(1.5, 1.9, 3.0), ROUTE, matched);
        assertEquals(new FixPlacement(3, 2, 2, 3), placement);
    }

    @Test
    void of_fixMoreThanTheToleranceFromTheJunction_isWrongEitherWay() {
        // Handed over at 1.0 s: the fix at 1.5 s is 5 m before the junction, beyond JUNCTION_M.
        List<WayInterval> matched = List.of(new WayInterval(1, true, 0, 0, 1.0), new WayInterval(2, true, 0, 1.0, 4));
        FixPlacement placement = FixPlacement.of(List.of(1.5), ROUTE, matched);
        assertEquals(new FixPlacement(1, 0, 0, 0), placement);
    }

    @Test
    void of_fixOnAWayTheTruthNeverTouches_isWrongAtJunctionsToo() {
        List<WayInterval> matched = List.of(new WayInterval(7, true, 0, 0, 4));
        FixPlacement placement = FixPlacement.of(List.of(1.9, 2.1), ROUTE, matched);
        assertEquals(new FixPlacement(2, 0, 0, 0), placement);
    }
}
