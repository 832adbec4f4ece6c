package dev.drivelog.job;

import java.io.IOException;
import java.io.OutputStream;

/** Where the result files of one input are written: a directory, or an S3 prefix (multipart uploads). */
public interface OutputSink {
    /**
     * Opens one result file for writing. The file is complete only when the stream is closed without
     * error; a stream abandoned after an exception leaves no partial file behind.
     *
     * @param fileName    a plain name such as {@code summary.json} (no slashes)
     * @param contentType MIME type, e.g. {@code application/geo+json}
     */
    OutputStream open(String fileName, String contentType) throws IOException;

    /**
     * Opens this input's file in one partition of a dataset that all inputs share, such as the
     * Athena table of violations ({@code dataset} "violations", {@code partition} "dt=2026-11-21").
     * A sink with an output root should override this to write
     * {@code <root>/<dataset>/<partition>/<input>.jsonl}, so that one table location covers every
     * input and nothing else (docs/OUTPUTS.md). This default keeps the file with the input's other
     * results as {@code <dataset>-<partition>.jsonl}. Same completion rule as {@link #open}.
     *
     * @param dataset   a plain name (no slashes)
     * @param partition {@code key=value}, e.g. {@code dt=2026-11-21} (no slashes)
     */
    default OutputStream openDatasetPart(String dataset, String partition, String contentType) throws IOException {
        return open(dataset + "-" + partition + ".jsonl", contentType);
    }
}
