package dev.drivelog.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How much of a true route the matcher put on the right OSM way at the right time. A matched entry
 * spans its first to its last fix on a way, so at a sampling interval of T seconds the hand-over
 * between two ways leaves up to T seconds unclaimed; each entry is therefore widened into the gap
 * to its neighbours by half the gap, and by at most half of {@code bridgeSeconds}. Gaps longer than
 * the bridge (a break in the match) stay unclaimed.
 *
 * <p>Where an entry's ends fall between fixes (a way driven in less than one sampling interval, a
 * hand-over between two fixes), the engine can only interpolate the time the car passed a node; a
 * {@code toleranceSeconds} of one sampling interval widens every entry by that much, so that a way
 * put right but timed a fraction of a second off is not counted wrong. The part of the route driven
 * inside a receiver gap (no fixes at all) is reported apart: the log does not show it.
 */
final class RouteCoverage {
    private RouteCoverage() {}

    /** Metres of the truth in all, on the right way, and the same for the part the log shows (outside receiver gaps). */
    record Coverage(double truthMeters, double correctMeters, double observedMeters, double observedCorrectMeters) {
        static final Coverage ZERO = new Coverage(0, 0, 0, 0);

        Coverage plus(Coverage o) {
            return new Coverage(truthMeters + o.truthMeters, correctMeters + o.correctMeters, observedMeters + o.observedMeters,
                    observedCorrectMeters + o.observedCorrectMeters);
        }
    }

    /** Metres of {@code route} whose way equals the matched way at the same time (no tolerance, no gaps). */
    static double correctMeters(List<WayInterval> route, List<WayInterval> matched, double bridgeSeconds) {
        return measure(route, matched, List.of(), bridgeSeconds, 0).correctMeters();
    }

    static Coverage measure(List<WayInterval> route, List<WayInterval> matched, List<ReceiverGap> gaps, double bridgeSeconds,
                            double toleranceSeconds) {
        List<WayInterval> widened = widen(matched, bridgeSeconds, toleranceSeconds);
        List<double[]> hidden = new ArrayList<>();
        for (ReceiverGap gap : gaps) {
            hidden.add(new double[] {gap.startTime(), gap.endTime()});
        }
        Coverage total = Coverage.ZERO;
        for (WayInterval truth : route) {
            double duration = truth.endTime() - truth.startTime();
            if (duration <= 0) {
                boolean hit = widened.stream().anyMatch(m -> m.osmWayId() == truth.osmWayId() && m.contains(truth.startTime()));
                double correct = hit ? truth.lengthMeters() : 0;
                total = total.plus(new Coverage(truth.lengthMeters(), correct, truth.lengthMeters(), correct));
                continue;
            }
            List<double[]> covered = sameWay(truth, widened);
            double coveredSeconds = length(covered);
            double hiddenSeconds = length(clip(hidden, truth.startTime(), truth.endTime()));
            double coveredHiddenSeconds = intersection(covered, clip(hidden, truth.startTime(), truth.endTime()));
            double perSecond = truth.lengthMeters() / duration;
            total = total.plus(new Coverage(truth.lengthMeters(), perSecond * Math.min(duration, coveredSeconds),
                    perSecond * (duration - hiddenSeconds), perSecond * (coveredSeconds - coveredHiddenSeconds)));
        }
        return total;
    }

    private static List<WayInterval> widen(List<WayInterval> matched, double bridgeSeconds, double toleranceSeconds) {
        List<WayInterval> sorted = new ArrayList<>(matched);
        sorted.sort(Comparator.comparingDouble(WayInterval::startTime).thenComparingDouble(WayInterval::endTime));
        double half = bridgeSeconds / 2;
        List<WayInterval> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            WayInterval m = sorted.get(i);
            double before = i == 0 ? half : Math.clamp((m.startTime() - sorted.get(i - 1).endTime()) / 2, 0, half);
            double after = i + 1 == sorted.size() ? half : Math.clamp((sorted.get(i + 1).startTime() - m.endTime()) / 2, 0, half);
            before = Math.max(before, toleranceSeconds);
            after = Math.max(after, toleranceSeconds);
            out.add(new WayInterval(m.osmWayId(), m.forward(), m.lengthMeters(), m.startTime() - before, m.endTime() + after));
        }
        return out;
    }

    /** The union of the matched intervals on the truth's way, clipped to the truth interval. */
    private static List<double[]> sameWay(WayInterval truth, List<WayInterval> widened) {
        List<double[]> pieces = new ArrayList<>();
        for (WayInterval m : widened) {
            if (m.osmWayId() == truth.osmWayId()) {
                pieces.add(new double[] {m.startTime(), m.endTime()});
            }
        }
        return clip(pieces, truth.startTime(), truth.endTime());
    }

    /** Disjoint, sorted pieces of {@code intervals} within [from, to]. */
    private static List<double[]> clip(List<double[]> intervals, double from, double to) {
        List<double[]> pieces = new ArrayList<>();
        for (double[] interval : intervals) {
            double start = Math.max(interval[0], from);
            double end = Math.min(interval[1], to);
            if (end > start) {
                pieces.add(new double[] {start, end});
            }
        }
        pieces.sort(Comparator.comparingDouble(p -> p[0]));
        List<double[]> merged = new ArrayList<>();
        for (double[] piece : pieces) {
            if (!merged.isEmpty() && piece[0] <= merged.getLast()[1]) {
                merged.getLast()[1] = Math.max(merged.getLast()[1], piece[1]);
            } else {
                merged.add(piece.clone());
            }
        }
        return merged;
    }

    private static double length(List<double[]> disjoint) {
        double sum = 0;
        for (double[] piece : disjoint) {
            sum += piece[1] - piece[0];
        }
        return sum;
    }

    private static double intersection(List<double[]> a, List<double[]> b) {
        double sum = 0;
        for (double[] x : a) {
            for (double[] y : b) {
                sum += Math.max(0, Math.min(x[1], y[1]) - Math.max(x[0], y[0]));
            }
        }
        return sum;
    }
}
