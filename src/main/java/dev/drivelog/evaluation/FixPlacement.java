package dev.drivelog.evaluation;

import java.util.List;

/**
 * Where the engine put each fix of the log, against where it really was: the way (and direction)
 * the truth's route has at the fix's time compared with the matched entry that spans that time.
 * Every fix counts, outliers and fixes the engine left unplaced included (those count as wrong).
 */
record FixPlacement(long fixes, long onRightWay, long onRightWayAndDirection) {
    static final FixPlacement ZERO = new FixPlacement(0, 0, 0);

    FixPlacement plus(FixPlacement o) {
        return new FixPlacement(fixes + o.fixes, onRightWay + o.onRightWay, onRightWayAndDirection + o.onRightWayAndDirection);
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
        }
        return new FixPlacement(fixTimes.size(), right, rightAndDirection);
    }
}
