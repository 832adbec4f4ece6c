package dev.drivelog.job;

import java.io.IOException;
import java.io.OutputStream;

/** Where the result files of one input are written: a directory, or an S3 prefix (multipart uploads). */
public interface OutputSink {
    /** The file-name suffix of every dataset part: one JSON object per line. */
    String DATASET_PART_SUFFIX = ".jsonl";

    /**
     * Opens one result file for writing. The file is complete only when the stream is closed without
     * error; a stream abandoned after an exception leaves no partial file behind.
     *
     * @param fileName    a plain name such as {@code summary.json} (no slashes)
     * @param contentType MIME type, e.g. {@code application/geo+json}
     */
    OutputStream open(String fileName, String contentType) throws IOException;

    /**
     * Opens this input's file in one partition of a dataset that all inputs share, such as the Athena
     * table of violations ({@code dataset} "violations", {@code partition} "dt=2026-11-21"). Every sink
     * puts it at {@link #datasetPartPath} under its output root, so that one table location covers
     * every input and nothing else, whichever sink wrote it (docs/OUTPUTS.md). Same completion rule as
     * {@link #open}.
     *
     * @param dataset   a plain name (no slashes)
     * @param partition {@code key=value}, e.g. {@code dt=2026-11-21} (no slashes)
     */
    OutputStream openDatasetPart(String dataset, String partition, String contentType) throws IOException;

    /**
     * The one dataset layout, relative to the output root:
     * {@code <dataset>/result_version=<resultVersion>/<partition>/<partName>.jsonl}. The result version
     * is a partition of its own, so that the rows of one input analysed by two engines or
     * configurations never meet in one query (the table's projection asks for one version); the part
     * name is the input's own, so that analysing it again writes the same key with the same bytes.
     *
     * @throws IllegalArgumentException when a segment is empty, {@code .}, {@code ..} or contains a slash
     */
    static String datasetPartPath(String dataset, String resultVersion, String partition, String partName) {
        return plain(dataset, "dataset") + "/result_version=" + plain(resultVersion, "result version") + "/"
                + plain(partition, "partition") + "/" + plain(partName, "part name") + DATASET_PART_SUFFIX;
    }

    private static String plain(String segment, String what) {
        if (segment == null || segment.isEmpty() || segment.contains("/") || segment.contains("\\") || segment.equals(".")
                || segment.equals("..")) {
            throw new IllegalArgumentException(what + " must be a plain name, not '" + segment + "'");
        }
        return segment;
    }
}
