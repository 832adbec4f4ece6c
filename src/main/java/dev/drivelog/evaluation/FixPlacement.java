package dev.drivelog.evaluation;

import java.util.List;

/**
 * Where the engine put each fix of the log, against where it really was: the way (and direction)
 * the truth's route has at the fix's time compared with the matched entry that spans that time.
 * Every fix counts, outliers and fixes the engine left unplaced included (those count as wrong).
 * {@code onRightWayAtJunctions} also counts a fix matched to the way the truth passes onto (or came
 * from) within {@link #JUNCTION_M} of where the car was: the two ways share the junction's node, and
 * which of them a fix taken there belongs to is a coin toss no receiver can settle (central Tokyo
 * changes way every 6 fixes).
 */
record FixPlacement(long fixes, long onRightWay, long onRightWayAndDirection, long onRightWayAtJunctions) {
    static final FixPlacement ZERO = new FixPlacement(0, 0, 0, 0);
    /** How near a way's end the car may be for a fix to count on the next way too, metres. */
    static final double JUNCTION_M = 2.0;

    FixPlacement plus(FixPlacement o) {
        return new FixPlacement(fixes + o.fixes, onRightWay + o.onRightWay, onRightWayAndDirection + o.onRightWayAndDirection,
                onRightWayAtJunctions + o.onRightWayAtJunctions);
    }

    double rightWayAtJunctionsFraction() {
        return fixes == 0 ? 1.0 : (double) onRightWayAtJunctions / fixes;
    }

    double rightWayFraction() {
        return fixes == 0 ? 1.0 : (double) onRightWay / fixes;
    }

    double rightWayAndDirectionFraction() {
        return fixes == 0 ? 1.0 : (double) onRightWayAndDirection / fixes;
    }

    /** Counts one trip: {@code fixTimes} ascending; route and matched entries in time order. */
    static FixPlacement of(List<Double> fixTimes, List<WayInterval> route, List<WayInterval> matched) {
        long right = 0;
        long rightAndDirection = 0;
        long atJunctions = 0;
        int r = 0;
        int m = 0;
        for (double t : fixTimes) {
            while (r < route.size() && route.get(r).endTime() < t) {
                r++;
            }
            while (m < matched.size() && matched.get(m).endTime() < t) {
                m++;
            }
            // At a hand-over both neighbours contain the time: either pairing counts.
            boolean way = false;
            boolean direction = false;
            for (int i = r; i < route.size() && route.get(i).startTime() <= t; i++) {
                for (int j = m; j < matched.size() && matched.get(j).startTime() <= t; j++) {
                    WayInterval truth = route.get(i);
                    WayInterval found = matched.get(j);
                    if (truth.contains(t) && found.contains(t) && truth.osmWayId() == found.osmWayId()) {
                        way = true;
                        direction |= truth.forward() != null && truth.forward().equals(found.forward());
                    }
                }
            }
            right += way ? 1 : 0;
            rightAndDirection += direction ? 1 : 0;
            atJunctions += way || nearAJunctionOfTheMatchedWay(t, r, route, m, matched) ? 1 : 0;
        }
        return new FixPlacement(fixTimes.size(), right, rightAndDirection, atJunctions);
    }

    /** Whether the truth is on the way matched at {@code t} within JUNCTION_M of where the car was then. */
    private static boolean nearAJunctionOfTheMatchedWay(double t, int r, List<WayInterval> route, int m, List<WayInterval> matched) {
        for (int j = m; j < matched.size() && matched.get(j).startTime() <= t; j++) {
            WayInterval found = matched.get(j);
            if (!found.contains(t)) {
                continue;
            }
            for (int i = Math.max(0, r - 1); i < route.size() && i <= r + 1; i++) {
                WayInterval truth = route.get(i);
                double duration = truth.endTime() - truth.startTime();
                double seconds = duration > 0 && truth.lengthMeters() > 0 ? JUNCTION_M * duration / truth.lengthMeters() : 0;
                if (truth.osmWayId() == found.osmWayId() && truth.startTime() - seconds <= t && t <= truth.endTime() + seconds) {
                    return true;
                }
            }
        }
        return false;
    }
}
