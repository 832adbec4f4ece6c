package dev.drivelog.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SimplifierTest {

    @Test
    void keep_straightLine_keepsOnlyTheEnds() {
        double[] x = {0, 1, 2, 3, 4};
        double[] y = {0, 0, 0, 0, 0};

        assertArrayEquals(new int[] {0, 4}, Simplifier.keep(x, y, 5, 0.01));
    }

    @Test
    void keep_corner_keepsTheCorner() {
        double[] x = {0, 5, 10, 10, 10};
        double[] y = {0, 0, 0, 5, 10};

        assertArrayEquals(new int[] {0, 2, 4}, Simplifier.keep(x, y, 5, 0.5));
    }

    @Test
    void keep_randomWalk_everyDroppedPointIsWithinToleranceOfTheKeptLine() {
        Random random = new Random(42);
        int n = 20_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 1; i < n; i++) {
            x[i] = x[i - 1] + random.nextGaussian();
            y[i] = y[i - 1] + random.nextGaussian();
        }
        double tolerance = 3.0;

        int[] kept = Simplifier.keep(x, y, n, tolerance);

        assertTrue(kept.length < n / 4, "simplified to " + kept.length);
        for (int k = 0; k + 1 < kept.length; k++) {
            for (int i = kept[k] + 1; i < kept[k + 1]; i++) {
                double d = Math.sqrt(Simplifier.segmentDistanceSquared(x[i], y[i], x[kept[k]], y[kept[k]],
                        x[kept[k + 1]], y[kept[k + 1]]));
                assertTrue(d <= tolerance + 1e-9, "point " + i + " is " + d + " from the kept line");
            }
        }
    }

    @Test
    void keepAtMost_hundredThousandNoisyPoints_staysWithinTheCapAndKeepsTheEnds() {
        Random random = new Random(7);
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + random.nextGaussian() * 5;
            y[i] = random.nextGaussian() * 5;
        }

        int[] kept = Simplifier.keepAtMost(x, y, n, 0.01, 5000);

        assertTrue(kept.length <= 5000 && kept.length >= 2, "kept " + kept.length);
        assertEquals(0, kept[0]);
        assertEquals(n - 1, kept[kept.length - 1]);
    }

    @Test
    void keep_fewerThanThreePoints_keepsThemAll() {
        assertArrayEquals(new int[] {0, 1}, Simplifier.keep(new double[] {0, 1}, new double[] {0, 1}, 2, 10));
        assertArrayEquals(new int[] {}, Simplifier.keep(new double[0], new double[0], 0, 10));
    }
}
