package dev.drivelog.report;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Douglas-Peucker simplification of a polyline given as x, y columns: keeps the points that are
 * needed so that no dropped point is further than {@code tolerance} from the kept line. Iterative
 * (a 100k-point trip would overflow a recursive version's stack).
 */
final class Simplifier {
    private Simplifier() {}

    /**
     * The indices to keep, in order (always the first and the last).
     *
     * @param tolerance in the units of x and y; 0 keeps every point that is not exactly on the line
     */
    static int[] keep(double[] x, double[] y, int count, double tolerance) {
        if (count <= 2) {
            int[] all = new int[count];
            for (int i = 0; i < count; i++) {
                all[i] = i;
            }
            return all;
        }
        boolean[] kept = new boolean[count];
        kept[0] = true;
        kept[count - 1] = true;
        Deque<int[]> ranges = new ArrayDeque<>();
        ranges.push(new int[] {0, count - 1});
        double toleranceSquared = tolerance * tolerance;
        while (!ranges.isEmpty()) {
            int[] range = ranges.pop();
            int first = range[0];
            int last = range[1];
            double worst = -1;
            int worstIndex = -1;
            for (int i = first + 1; i < last; i++) {
                double d = segmentDistanceSquared(x[i], y[i], x[first], y[first], x[last], y[last]);
                if (d > worst) {
                    worst = d;
                    worstIndex = i;
                }
            }
            if (worstIndex >= 0 && worst > toleranceSquared) {
                kept[worstIndex] = true;
                ranges.push(new int[] {first, worstIndex});
                ranges.push(new int[] {worstIndex, last});
            }
        }
        int n = 0;
        for (boolean k : kept) {
            n += k ? 1 : 0;
        }
        int[] indices = new int[n];
        int j = 0;
        for (int i = 0; i < count; i++) {
            if (kept[i]) {
                indices[j++] = i;
            }
        }
        return indices;
    }

    /**
     * Like {@link #keep} but with at most {@code maxPoints} points (at least 2): the tolerance is
     * doubled from {@code tolerance} until the result fits.
     */
    static int[] keepAtMost(double[] x, double[] y, int count, double tolerance, int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be at least 2, not " + maxPoints);
        }
        double current = tolerance > 0 ? tolerance : 1e-9;
        int[] kept = keep(x, y, count, tolerance);
        while (kept.length > maxPoints) {
            current *= 2;
            kept = keep(x, y, count, current);
        }
        return kept;
    }

    /** Squared distance from point p to the segment a-b. */
    static double segmentDistanceSquared(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
        double cx = ax + t * dx - px;
        double cy = ay + t * dy - py;
        return cx * cx + cy * cy;
    }
}
