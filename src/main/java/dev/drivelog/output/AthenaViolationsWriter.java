package dev.drivelog.output;

import dev.drivelog.analysis.result.Violation;
import dev.drivelog.job.OutputSink;
import java.io.IOException;
import java.util.List;

/**
 * Streams the findings, violations and driving events alike (column {@code category}), as JSON Lines
 * for Athena / Glue: one flat object per line ({@link ViolationColumns}), one file per UTC day of
 * the finding's start, opened through {@link OutputSink#openDatasetPart} as dataset
 * {@value #DATASET}, partition {@code dt=YYYY-MM-DD} ({@link DatasetPartitions}). A row is the finding's
 * columns as {@link EncodedColumns} encoded them once for this file and the GeoJSON.
 */
final class AthenaViolationsWriter {
    static final String DATASET = "violations";

    private final DatasetPartitions parts;

    AthenaViolationsWriter(OutputSink sink) {
        this.parts = new DatasetPartitions(sink, DATASET);
    }

    /** Writes one finding's row: its columns as {@code columns} encoded them ({@link ResultFiles}). */
    void write(Violation finding, EncodedColumns columns) throws IOException {
        parts.partition("dt=" + ViolationColumns.day(finding.startTime())).writeRawValue(columns.text(), 0, columns.length());
    }

    /** Closes every partition file; returns {@code violations/<partition>} for each file written. */
    List<String> finish() throws IOException {
        return parts.finish();
    }
}
