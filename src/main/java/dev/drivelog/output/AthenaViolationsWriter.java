package dev.drivelog.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.drivelog.analysis.result.Violation;
import dev.drivelog.job.OutputSink;
import java.io.IOException;
import java.util.List;

/**
 * Streams the findings, violations and driving events alike (column {@code category}), as JSON Lines
 * for Athena / Glue: one flat object per line ({@link ViolationColumns}), one file per UTC day of
 * the finding's start, opened through {@link OutputSink#openDatasetPart} as dataset
 * {@value #DATASET}, partition {@code dt=YYYY-MM-DD} ({@link DatasetPartitions}).
 */
final class AthenaViolationsWriter {
    static final String DATASET = "violations";

    private final String input;
    private final DatasetPartitions parts;

    AthenaViolationsWriter(OutputSink sink, String input) {
        this.input = input;
        this.parts = new DatasetPartitions(sink, DATASET);
    }

    void write(TripOutcome outcome) throws IOException {
        if (outcome.failed()) {
            return;
        }
        writeAll(outcome, ViolationColumns.VIOLATION, outcome.result().violations());
        writeAll(outcome, ViolationColumns.EVENT, outcome.result().events());
    }

    private void writeAll(TripOutcome outcome, String category, List<Violation> findings) throws IOException {
        for (Violation finding : findings) {
            JsonGenerator json = parts.partition("dt=" + ViolationColumns.day(finding.startTime()));
            json.writeStartObject();
            ViolationColumns.write(json, input, outcome.vehicleId(), outcome.tripId(), category, finding);
            json.writeEndObject();
        }
    }

    /** Closes every partition file; returns {@code violations/<partition>} for each file written. */
    List<String> finish() throws IOException {
        return parts.finish();
    }
}
