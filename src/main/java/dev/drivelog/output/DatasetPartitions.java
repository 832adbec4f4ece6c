package dev.drivelog.output;

import com.fasterxml.jackson.core.io.SerializedString;
import dev.drivelog.job.OutputSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This input's open files in the partitions of one shared JSON Lines dataset
 * ({@link OutputSink#openDatasetPart}): one generator per partition, opened on first use, one object
 * per line. A daily log touches one or two days, so the open files stay few. Not thread safe.
 */
final class DatasetPartitions {
    static final String CONTENT_TYPE = "application/x-ndjson";

    private final OutputSink sink;
    private final String dataset;
    private final Map<String, RawBytesGenerator> byPartition = new LinkedHashMap<>();

    DatasetPartitions(OutputSink sink, String dataset) {
        this.sink = sink;
        this.dataset = dataset;
    }

    String dataset() {
        return dataset;
    }

    /**
     * The generator of one partition, e.g. {@code dt=2026-11-21}; write one object per call (an encoded
     * row as a raw value: {@link RawBytesGenerator#writeRawValue(byte[], int, int)}).
     */
    RawBytesGenerator partition(String partition) throws IOException {
        RawBytesGenerator json = byPartition.get(partition);
        if (json == null) {
            json = ResultJson.rawBytesGenerator(sink.openDatasetPart(dataset, partition, CONTENT_TYPE));
            // One object per line: the root value separator is the newline JSON Lines needs.
            json.setRootValueSeparator(new SerializedString("\n"));
            byPartition.put(partition, json);
        }
        return json;
    }

    /** Closes every partition file; returns {@code <dataset>/<partition>} for each file written. */
    List<String> finish() throws IOException {
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, RawBytesGenerator> entry : byPartition.entrySet()) {
            // The last line ends with a newline too, so that files concatenate cleanly.
            entry.getValue().writeRaw('\n');
            entry.getValue().close();
            written.add(dataset + "/" + entry.getKey());
        }
        return written;
    }
}
