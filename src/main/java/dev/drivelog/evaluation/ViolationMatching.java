package dev.drivelog.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Pairs found violations with true ones of one type in one trip: a pair is possible when the
 * intervals overlap after widening each by the slack; every truth and every found violation is used
 * at most once, and the number of pairs is maximal (augmenting paths; the lists are small).
 * Among equally many pairs, those with more overlap are tried first, and the truths that overlap a
 * find most claim first.
 */
final class ViolationMatching {
    private ViolationMatching() {}

    static int count(List<TimedViolation> truths, List<TimedViolation> found, double slackSeconds) {
        int pairs = 0;
        for (int truth : pair(truths, found, slackSeconds)) {
            pairs += truth >= 0 ? 1 : 0;
        }
        return pairs;
    }

    /** For each found violation, the index of the truth it is paired with, or -1 (a false alarm). */
    static int[] pair(List<TimedViolation> truths, List<TimedViolation> found, double slackSeconds) {
        List<List<Integer>> candidates = new ArrayList<>();
        for (TimedViolation truth : truths) {
            List<Integer> options = new ArrayList<>();
            for (int j = 0; j < found.size(); j++) {
                if (truth.overlaps(found.get(j), slackSeconds)) {
                    options.add(j);
                }
            }
            options.sort(Comparator.comparingDouble((Integer j) -> -truth.overlapSeconds(found.get(j)))
                    .thenComparingDouble(j -> Math.abs(centre(truth) - centre(found.get(j)))));
            candidates.add(options);
        }
        int[] truthOfFound = new int[found.size()];
        Arrays.fill(truthOfFound, -1);
        // The truths that overlap a find most claim first: when one find could serve either of two
        // truths (two stop signs 5 s apart, one found), it is paired with the one it overlaps, and
        // the other is the miss (which a receiver gap may then explain).
        for (int i : byBestOverlap(truths, found, candidates)) {
            augment(i, candidates, truthOfFound, new boolean[found.size()]);
        }
        return truthOfFound;
    }

    private static List<Integer> byBestOverlap(List<TimedViolation> truths, List<TimedViolation> found, List<List<Integer>> candidates) {
        double[] best = new double[truths.size()];
        for (int i = 0; i < truths.size(); i++) {
            List<Integer> options = candidates.get(i);
            best[i] = options.isEmpty() ? 0 : truths.get(i).overlapSeconds(found.get(options.get(0)));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < truths.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -best[i]));  // stable: ties keep the truths' order
        return order;
    }

    private static boolean augment(int truth, List<List<Integer>> candidates, int[] truthOfFound, boolean[] visited) {
        for (int j : candidates.get(truth)) {
            if (visited[j]) {
                continue;
            }
            visited[j] = true;
            if (truthOfFound[j] < 0 || augment(truthOfFound[j], candidates, truthOfFound, visited)) {
                truthOfFound[j] = truth;
                return true;
            }
        }
        return false;
    }

    private static double centre(TimedViolation v) {
        return (v.startTime() + v.endTime()) / 2;
    }
}
