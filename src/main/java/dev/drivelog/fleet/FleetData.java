package dev.drivelog.fleet;

import dev.drivelog.score.Finding;
import dev.drivelog.score.TripRecord;
import java.util.List;

/**
 * The rows of one result version of a results location: every analysed trip and every finding.
 *
 * @param problems lines that could not be read, named by file and line (at most {@link FleetDataReader#MAX_DESCRIBED_PROBLEMS})
 * @param skippedLines every line that could not be read
 */
public record FleetData(String source, String resultVersion, List<TripRecord> trips, List<Finding> findings,
                        List<String> problems, int skippedLines) {
    public FleetData {
        trips = List.copyOf(trips);
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
    }
}
