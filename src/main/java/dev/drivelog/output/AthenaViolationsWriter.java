package dev.drivelog.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.drivelog.analysis.result.Violation;
import dev.drivelog.job.OutputSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams the findings, violations and driving events alike (column {@code category}), as JSON Lines for Athena / Glue: one flat object per line
 * ({@link ViolationColumns}), one file per UTC day of the violation's start, opened through
 * {@link OutputSink#openDatasetPart} as dataset {@value #DATASET}, partition {@code dt=YYYY-MM-DD}.
 * A daily log touches one or two days, so the open files stay few.
 */
final class AthenaViolationsWriter {
    static final String DATASET = "violations";
    static final String CONTENT_TYPE = "application/x-ndjson";

    private final OutputSink sink;
    private final String input;
    private final Map<String, JsonGenerator> byPartition = new LinkedHashMap<>();

    AthenaViolationsWriter(OutputSink sink, String input) {
        this.sink = sink;
        this.input = input;
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
            JsonGenerator json = partition("dt=" + ViolationColumns.day(finding.startTime()));
            json.writeStartObject();
            ViolationColumns.write(json, input, outcome.vehicleId(), outcome.tripId(), category, finding);
            json.writeEndObject();
        }
    }

    private JsonGenerator partition(String partition) throws IOException {
        JsonGenerator json = byPartition.get(partition);
        if (json == null) {
            json = ResultJson.generator(sink.openDatasetPart(DATASET, partition, CONTENT_TYPE));
            // One object per line: the root value separator is the newline JSON Lines needs.
            json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            byPartition.put(partition, json);
        }
        return json;
    }

    /** Closes every partition file and returns the partitions written, e.g. {@code dt=2026-11-21}. */
    List<String> finish() throws IOException {
        List<String> partitions = new ArrayList<>();
        for (Map.Entry<String, JsonGenerator> entry : byPartition.entrySet()) {
            // The last line ends with a newline too, so that files concatenate cleanly.
            entry.getValue().writeRaw('\n');
            entry.getValue().close();
            partitions.add(entry.getKey());
        }
        return partitions;
    }
}
