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
}
