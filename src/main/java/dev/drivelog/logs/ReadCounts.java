package dev.drivelog.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * Mutable tallies of one read, filled by the line reader, the parsers and the trip splitter, and
 * frozen into a {@link ReadReport} at the end. Problems are described (with file and line) only up
 * to a limit; all are counted. One instance per read, used by one thread.
 */
final class ReadCounts {
    final String inputName;
    private final int maxProblems;
    private final List<String> problems = new ArrayList<>();
    private long unreportedProblems;

    long lines;
    long malformedLines;
    long oversizedLines;
    long pointsRead;
    long pointsInTrips;
    int trips;
    long invalidFixes;
    long undatedFixes;
    long invalidCoordinates;
    long duplicateTimestamps;
    long reorderedPoints;
    long outOfOrderDropped;
    long spikesDropped;
    long jumpSplits;
    long maxPointSplits;
    long tripsClosedEarly;
    long shortTrips;
    long pointsInShortTrips;
    boolean truncated;

    ReadCounts(String inputName, int maxProblems) {
        this.inputName = inputName;
        this.maxProblems = maxProblems;
    }

    /** A skipped line or record: counted as malformed and described with its line number. */
    void malformed(long line, String problem) {
        malformedLines++;
        problem(line, problem);
    }

    /** Describes a problem at a line (0 or less: no line) if the limit allows; the caller counts it. */
    void problem(long line, String problem) {
        if (problems.size() < maxProblems) {
            problems.add(line > 0 ? inputName + " line " + line + ": " + problem : inputName + ": " + problem);
        } else {
            unreportedProblems++;
        }
    }

    ReadReport toReport(String format, String compression, long inputBytes, long decodedBytes) {
        List<String> described = new ArrayList<>(problems);
        if (unreportedProblems > 0) {
            described.add(inputName + ": " + unreportedProblems + " more problems not described (logs.max_reported_problems)");
        }
        return new ReadReport(inputName, format, compression, inputBytes, decodedBytes, lines, pointsRead,
                pointsInTrips, trips, malformedLines, oversizedLines, invalidFixes, undatedFixes, invalidCoordinates,
                duplicateTimestamps, reorderedPoints, outOfOrderDropped, spikesDropped, jumpSplits, maxPointSplits,
                tripsClosedEarly, shortTrips, pointsInShortTrips, truncated, described);
    }
}
