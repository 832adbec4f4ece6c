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
 */
final class RouteCoverage {
    private RouteCoverage() {}

    /** Metres of {@code route} whose way equals the matched way at the same time. */
    static double correctMeters(List<WayInterval> route, List<WayInterval> matched, double bridgeSeconds) {
        List<WayInterval> widened = widen(matched, bridgeSeconds);
        double correct = 0;
        for (WayInterval truth : route) {
            double duration = truth.endTime() - truth.startTime();
            if (duration <= 0) {
                boolean hit = widened.stream().anyMatch(m -> m.osmWayId() == truth.osmWayId()
                        && m.startTime() <= truth.startTime() && truth.startTime() <= m.endTime());
                correct += hit ? truth.lengthMeters() : 0;
                continue;
            }
            double covered = coveredSeconds(truth, widened);
            correct += truth.lengthMeters() * Math.min(1.0, covered / duration);
        }
        return correct;
    }

    private static List<WayInterval> widen(List<WayInterval> matched, double bridgeSeconds) {
        List<WayInterval> sorted = new ArrayList<>(matched);
        sorted.sort(Comparator.comparingDouble(WayInterval::startTime).thenComparingDouble(WayInterval::endTime));
        double half = bridgeSeconds / 2;
        List<WayInterval> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            WayInterval m = sorted.get(i);
            double before = i == 0 ? half : Math.clamp((m.startTime() - sorted.get(i - 1).endTime()) / 2, 0, half);
            double after = i + 1 == sorted.size() ? half : Math.clamp((sorted.get(i + 1).startTime() - m.endTime()) / 2, 0, half);
            out.add(new WayInterval(m.osmWayId(), m.lengthMeters(), m.startTime() - before, m.endTime() + after));
        }
        return out;
    }

    /** Seconds of the truth interval covered by the union of matched intervals on the same way. */
    private static double coveredSeconds(WayInterval truth, List<WayInterval> widened) {
        List<double[]> pieces = new ArrayList<>();
        for (WayInterval m : widened) {
            if (m.osmWayId() != truth.osmWayId()) {
                continue;
            }
            double start = Math.max(m.startTime(), truth.startTime());
            double end = Math.min(m.endTime(), truth.endTime());
            if (end > start) {
                pieces.add(new double[] {start, end});
            }
        }
        pieces.sort(Comparator.comparingDouble(p -> p[0]));
        double covered = 0;
        double reach = Double.NEGATIVE_INFINITY;
        for (double[] piece : pieces) {
            double start = Math.max(piece[0], reach);
            if (piece[1] > start) {
                covered += piece[1] - start;
            }
            reach = Math.max(reach, piece[1]);
        }
        return covered;
    }
}
