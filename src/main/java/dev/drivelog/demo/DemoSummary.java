package dev.drivelog.demo;

import java.util.List;

/**
 * What a demo run found: the counts printed by {@code --json} and one row per analysed log.
 *
 * @param resultsWritten       result sets committed (one manifest per analysed log): with exactly-once effects
 *                             this equals {@code logsProcessed}, whatever was redelivered
 * @param resultFilesWritten   result files in those sets (summary.json, violations.geojson, ...)
 * @param failed               uploaded logs without committed results at the end: rejected, failed until the
 *                             dead-letter queue took their message, or never notified (and not reconciled)
 * @param reconciled           jobs that reconcile enqueued for logs without results
 * @param s3FaultsInjected     faults the S3 fault injector injected
 * @param sqsFaultsInjected    faults the SQS fault injector injected (on the queue consumer's requests)
 * @param multipartUploadsLeft multipart uploads neither completed nor aborted (orphans) at the end
 */
public record DemoSummary(int logsUploaded, int logsProcessed, int resultsWritten, int resultFilesWritten,
        int duplicatesSkipped,
        long violations, int failed, List<Row> rows, String resultsLocation, long reconciled, long s3FaultsInjected,
        long sqsFaultsInjected, int multipartUploadsLeft) {
    public DemoSummary {
        rows = List.copyOf(rows);
    }

    /** One input and where its results are. */
    public record Row(String key, String status, long points, long violations, String results) {}
}
