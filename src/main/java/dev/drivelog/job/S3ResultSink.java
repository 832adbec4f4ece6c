package dev.drivelog.job;

import dev.drivelog.storage.PendingUpload;
import dev.drivelog.storage.S3ObjectStore;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Result files of one input: its own files under its result prefix, its dataset parts under the
 * output prefix's shared datasets ({@link ResultLayout#datasetPartKey}). Each file streams into its
 * own upload while the analysis writes; none becomes visible until {@link #commitAll()}, which the job
 * calls only after the analysis returned normally. {@link #abortAll()} discards everything
 * (no object, no orphaned multipart parts). Used by one job at a time.
 */
final class S3ResultSink implements OutputSink {
    private final S3ObjectStore store;
    private final ResultPrefix prefix;
    private final ResultLayout layout;
    /** Each upload with the name the manifest lists it under. */
    private final Map<PendingUpload, String> uploads = new LinkedHashMap<>();

    S3ResultSink(S3ObjectStore store, ResultPrefix prefix, ResultLayout layout) {
        this.store = store;
        this.prefix = prefix;
        this.layout = layout;
    }

    @Override
    public synchronized OutputStream open(String fileName, String contentType) {
        if (fileName.equals(ResultPrefix.MANIFEST)) {
            throw new IllegalArgumentException(ResultPrefix.MANIFEST + " is reserved for the commit marker");
        }
        return start(prefix.keyOf(fileName), fileName, contentType);
    }

    /** Listed in the manifest by its key below the output prefix, e.g. {@code violations/result_version=.../dt=.../x.jsonl}. */
    @Override
    public synchronized OutputStream openDatasetPart(String dataset, String partition, String contentType) {
        String key = layout.datasetPartKey(prefix, dataset, partition);
        return start(key, key.substring(layout.outputPrefix().length()), contentType);
    }

    private PendingUpload start(String key, String name, String contentType) {
        PendingUpload upload = store.openWrite(prefix.bucket(), key, contentType);
        uploads.put(upload, name);
        return upload;
    }

    /** Makes every file visible; returns each file's size in bytes, by name. On failure aborts the rest. */
    synchronized Map<String, Long> commitAll() throws IOException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try {
            for (Map.Entry<PendingUpload, String> upload : uploads.entrySet()) {
                upload.getKey().commit();
                sizes.put(upload.getValue(), upload.getKey().bytesWritten());
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
        for (PendingUpload upload : uploads.keySet()) {
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
