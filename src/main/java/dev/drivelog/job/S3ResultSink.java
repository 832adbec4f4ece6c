package dev.drivelog.job;

import dev.drivelog.storage.PendingUpload;
import dev.drivelog.storage.S3ObjectStore;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Result files of one input, written under its result prefix. Each file streams into its own
 * upload while the analysis writes; none becomes visible until {@link #commitAll()}, which the job
 * calls only after the analysis returned normally. {@link #abortAll()} discards everything
 * (no object, no orphaned multipart parts). Used by one job at a time.
 */
final class S3ResultSink implements OutputSink {
    private final S3ObjectStore store;
    private final ResultPrefix prefix;
    private final List<PendingUpload> uploads = new ArrayList<>();

    S3ResultSink(S3ObjectStore store, ResultPrefix prefix) {
        this.store = store;
        this.prefix = prefix;
    }

    @Override
    public synchronized OutputStream open(String fileName, String contentType) {
        if (fileName.equals(ResultPrefix.MANIFEST)) {
            throw new IllegalArgumentException(ResultPrefix.MANIFEST + " is reserved for the commit marker");
        }
        PendingUpload upload = store.openWrite(prefix.bucket(), prefix.keyOf(fileName), contentType);
        uploads.add(upload);
        return upload;
    }

    /** Makes every file visible; returns each file's size in bytes, by name. On failure aborts the rest. */
    synchronized Map<String, Long> commitAll() throws IOException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try {
            for (PendingUpload upload : uploads) {
                upload.commit();
                sizes.put(upload.key().substring(prefix.prefix().length()), upload.bytesWritten());
            }
            return sizes;
        } catch (IOException | RuntimeException e) {
            abortAll();
            throw e;
        }
    }

    /** Discards every file not yet committed. */
    synchronized void abortAll() {
        RuntimeException first = null;
        for (PendingUpload upload : uploads) {
            try {
                upload.abort();
            } catch (RuntimeException e) {
                // Keep aborting the others; an unaborted upload is cleaned by the bucket's lifecycle rule.
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
