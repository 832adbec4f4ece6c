package dev.drivelog.demo;

import java.util.List;

/**
 * What a demo run found: the counts printed by {@code --json} and one row per analysed log.
 *
 * @param failed logs rejected permanently plus messages that ended in the dead-letter queue
 */
public record DemoSummary(int logsUploaded, int logsProcessed, int resultsWritten, int duplicatesSkipped,
        long violations, int failed, List<Row> rows, String resultsLocation) {
    public DemoSummary {
        rows = List.copyOf(rows);
    }

    /** One input and where its results are. */
    public record Row(String key, String status, long points, long violations, String results) {}
}
