package dev.drivelog.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares analysis results with the simulator's ground truth. Trips are paired by file name:
 * {@code <trip>.truth.json} in the truth directory with {@code <trip>.json} in the results directory.
 * Every truth file needs its result; results without truth are ignored.
 */
public final class Evaluator {
    /** The violation types of docs/RESULT_FORMAT.md, always reported (with zeros when absent). */
    public static final List<String> TYPES = List.of("no_entry", "speeding", "stop_sign", "turn_restriction", "wrong_way");
    /** The driving-event types, reported apart from the violations (never in their totals). */
    public static final List<String> EVENT_TYPES =
            List.of("curve_overspeed", "harsh_acceleration", "harsh_braking", "harsh_cornering");
    /** The types a conditional restriction can decide today, reported apart as well (docs/SIMULATION.md). */
    public static final List<String> CONDITIONAL_TYPES = List.of("no_entry", "wrong_way");

    static final String TRUTH_SUFFIX = ".truth.json";

    private final TripFileReader reader;
    private final EvaluationSettings settings;

    public Evaluator(TripFileReader reader, EvaluationSettings settings) {
        this.reader = reader;
        this.settings = settings;
    }

    public EvaluationReport evaluate(Path truthDir, Path resultsDir) {
        List<Path> truthFiles = truthFiles(truthDir);
        if (!Files.isDirectory(resultsDir)) {
            throw new EvaluationInputException(resultsDir + ": results directory not found");
        }
        SortedMap<String, TypeCounts> perType = new TreeMap<>();
        TYPES.forEach(type -> perType.put(type, TypeCounts.ZERO));
        SortedMap<String, TypeCounts> perEventType = new TreeMap<>();
        EVENT_TYPES.forEach(type -> perEventType.put(type, TypeCounts.ZERO));
        SortedMap<String, TypeCounts> perConditionalType = new TreeMap<>();
        CONDITIONAL_TYPES.forEach(type -> perConditionalType.put(type, TypeCounts.ZERO));
        RouteCoverage.Coverage coverage = RouteCoverage.Coverage.ZERO;
        FixPlacement fixes = FixPlacement.ZERO;
        int withoutMatchedPath = 0;
        String exampleWithout = null;
        List<Mismatch> mismatches = new ArrayList<>();
        for (Path truthFile : truthFiles) {
            String name = truthFile.getFileName().toString();
            String trip = name.substring(0, name.length() - TRUTH_SUFFIX.length());
            Path resultFile = resultsDir.resolve(trip + ".json");
            if (!Files.isRegularFile(resultFile)) {
                throw new EvaluationInputException(resultFile + ": result for trip " + trip + " (truth " + truthFile + ") not found");
            }
            TruthTrip truth = reader.readTruth(truthFile);
            ResultTrip result = reader.readResult(resultFile);
            countTrip(trip, truth, truth.violations(), result.violations(), perType, mismatches);
            countTrip(trip, truth, truth.events(), result.events(), perEventType, mismatches);
            // The conditional ones again, paired among themselves: a conditional truth found only as a
            // plain finding (or the reverse) is a miss and a false alarm here. Their mismatches are
            // already listed with the per-type counts above.
            countTrip(trip, truth, conditionalOnly(truth.violations()), conditionalOnly(result.violations()), perConditionalType,
                    new ArrayList<>());
            if (!result.hasMatchedPath()) {
                withoutMatchedPath++;
                exampleWithout = exampleWithout == null ? resultFile.toString() : exampleWithout;
            }
            List<WayInterval> matched = inTimeOrder(result.matched());
            double tolerance = settings.routeToleranceSeconds() != null ? settings.routeToleranceSeconds()
                    : samplingIntervalSeconds(truth.fixTimes());
            coverage = coverage.plus(RouteCoverage.measure(truth.route(), matched, truth.unloggedSpans(), settings.bridgeSeconds(),
                    tolerance));
            fixes = fixes.plus(FixPlacement.of(truth.fixTimes(), inTimeOrder(truth.route()), matched));
        }
        String notEvaluated = withoutMatchedPath == 0 ? null
                : withoutMatchedPath + " of " + truthFiles.size() + " results have no matched path (e.g. " + exampleWithout
                        + "): analyse with --matched (matched=true) to evaluate the route";
        return new EvaluationReport(truthFiles.size(), perType, perEventType, perConditionalType, coverage, fixes, notEvaluated,
                settings, mismatches);
    }

    private static List<TimedViolation> conditionalOnly(List<TimedViolation> violations) {
        return violations.stream().filter(TimedViolation::conditional).toList();
    }

    private static List<WayInterval> inTimeOrder(List<WayInterval> ways) {
        List<WayInterval> sorted = new ArrayList<>(ways);
        sorted.sort(Comparator.comparingDouble(WayInterval::startTime).thenComparingDouble(WayInterval::endTime));
        return sorted;
    }

    /** The log's sampling interval: the median step between fixes (1 s when the truth lists none). */
    static double samplingIntervalSeconds(List<Double> fixTimes) {
        List<Double> steps = new ArrayList<>();
        for (int i = 1; i < fixTimes.size(); i++) {
            double step = fixTimes.get(i) - fixTimes.get(i - 1);
            if (step > 0) {
                steps.add(step);
            }
        }
        if (steps.isEmpty()) {
            return 1.0;
        }
        steps.sort(null);
        return steps.get(steps.size() / 2);
    }

    private void countTrip(String trip, TruthTrip truth, List<TimedViolation> trueFindings, List<TimedViolation> foundFindings,
                           SortedMap<String, TypeCounts> perType, List<Mismatch> mismatches) {
        Map<String, List<TimedViolation>> truthByType = byType(trueFindings);
        Map<String, List<TimedViolation>> foundByType = byType(foundFindings);
        TreeMap<String, Boolean> types = new TreeMap<>();
        truthByType.keySet().forEach(t -> types.put(t, true));
        foundByType.keySet().forEach(t -> types.put(t, true));
        for (String type : types.keySet()) {
            List<TimedViolation> truths = truthByType.getOrDefault(type, List.of());
            List<TimedViolation> found = foundByType.getOrDefault(type, List.of());
            int[] truthOfFound = ViolationMatching.pair(truths, found, settings.slackSeconds());
            boolean[] truthPaired = new boolean[truths.size()];
            int matched = 0;
            for (int j = 0; j < found.size(); j++) {
                if (truthOfFound[j] >= 0) {
                    truthPaired[truthOfFound[j]] = true;
                    matched++;
                } else {
                    mismatches.add(new Mismatch(trip, Mismatch.Kind.FALSE_ALARM, type, found.get(j).startTime(), found.get(j).endTime()));
                }
            }
            int unobservable = 0;
            for (int i = 0; i < truths.size(); i++) {
                if (!truthPaired[i]) {
                    TimedViolation missed = truths.get(i);
                    boolean hidden = truth.hidden(missed);
                    unobservable += hidden ? 1 : 0;
                    mismatches.add(new Mismatch(trip, hidden ? Mismatch.Kind.UNOBSERVABLE : Mismatch.Kind.MISSED, type,
                            missed.startTime(), missed.endTime()));
                }
            }
            perType.merge(type, new TypeCounts(truths.size(), found.size(), matched, unobservable), TypeCounts::plus);
        }
    }

    private static Map<String, List<TimedViolation>> byType(List<TimedViolation> violations) {
        return violations.stream().collect(Collectors.groupingBy(TimedViolation::type, TreeMap::new, Collectors.toList()));
    }

    private static List<Path> truthFiles(Path truthDir) {
        if (!Files.isDirectory(truthDir)) {
            throw new EvaluationInputException(truthDir + ": truth directory not found");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(truthDir)) {
            entries.filter(p -> p.getFileName().toString().endsWith(TRUTH_SUFFIX) && Files.isRegularFile(p)).sorted()
                    .forEach(files::add);
        } catch (IOException e) {
            throw new EvaluationInputException(truthDir + ": cannot list: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new EvaluationInputException(truthDir + ": no *" + TRUTH_SUFFIX + " files");
        }
        return files;
    }
}
