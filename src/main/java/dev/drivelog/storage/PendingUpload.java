package dev.drivelog.storage;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * An object being written: bytes stream into a multipart upload, part after part, up to
 * {@code partsInFlight} parts uploading concurrently while the writer goes on (the writer blocks
 * when all are busy, so memory stays at part size x (parts in flight + 1)). Content that never
 * fills the first part is kept and sent with one PUT, in a buffer that starts at
 * {@value #FIRST_BUFFER_BYTES} bytes and doubles as it fills: an input with many small outputs (a
 * dataset part per day of a month-long log) holds what they contain, not a whole part each.
 *
 * <p>The object appears only on {@link #commit()}; {@link #close()} merely ends the writing, so a
 * writer that fails half way (and closes its stream in a finally block) leaves nothing visible.
 * {@link #abort()} aborts the multipart upload, so no orphaned parts remain. Not thread-safe.
 */
public final class PendingUpload extends OutputStream {
    static final int FIRST_BUFFER_BYTES = 64 * 1024;

    private final S3ObjectStore store;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final PartSizePlan plan;
    private final BufferPool buffers;
    private final ExecutorService executor;
    private final Semaphore slots;
    private final List<Future<CompletedPart>> parts = new ArrayList<>();
    private String uploadId;
    private byte[] buffer;
    private int filled;
    private int nextPartNumber = 1;
    private long bytesWritten;
    private boolean closed;
    private boolean finished;

    PendingUpload(S3ObjectStore store, String bucket, String key, String contentType, PartSizePlan plan,
            BufferPool buffers, ExecutorService executor, int partsInFlight) {
        this.store = store;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
        this.plan = plan;
        this.buffers = buffers;
        this.executor = executor;
        this.slots = new Semaphore(partsInFlight);
        this.buffer = new byte[Math.min(FIRST_BUFFER_BYTES, plan.sizeOf(1))];
    }

    public String key() {
        return key;
    }

    public long bytesWritten() {
        return bytesWritten;
    }

    /** True once the content outgrew one part and a multipart upload was started. */
    public boolean isMultipart() {
        return uploadId != null;
    }

    /** Bytes held for this object now (the part being filled), for tests of the memory bound. */
    int bufferedCapacityBytes() {
        return buffer == null ? 0 : buffer.length;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (filled == buffer.length) {
            makeRoom();
        }
        buffer[filled++] = (byte) b;
        bytesWritten++;
    }

    @Override
    public void write(byte[] source, int offset, int length) throws IOException {
        ensureOpen();
        while (length > 0) {
            if (filled == buffer.length) {
                makeRoom();
            }
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(source, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
            bytesWritten += n;
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("s3://" + bucket + "/" + key + ": write after close");
        }
    }

    /** The buffer is full: grow it while it is smaller than the part it holds, else send it as a part. */
    private void makeRoom() throws IOException {
        int partSize = plan.sizeOf(nextPartNumber);
        if (buffer.length >= partSize) {
            sendFullPart();
            return;
        }
        int grown = (int) Math.min((long) buffer.length * 2, partSize);
        byte[] larger = grown == buffers.bufferSizeBytes() ? buffers.acquire() : new byte[grown];
        System.arraycopy(buffer, 0, larger, 0, filled);
        buffer = larger;
    }

    private void sendFullPart() throws IOException {
        if (uploadId == null) {
            uploadId = store.createMultipartUpload(bucket, key, contentType);
        }
        int partNumber = nextPartNumber++;
        if (partNumber >= PartSizePlan.MAX_PARTS) {
            throw new IOException("s3://" + bucket + "/" + key + ": output exceeds S3's " + PartSizePlan.MAX_PARTS + " parts");
        }
        byte[] full = buffer;
        int length = filled;
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted uploading s3://" + bucket + "/" + key);
        }
        String id = uploadId;
        parts.add(executor.submit(() -> {
            try {
                return store.uploadPart(bucket, key, id, partNumber, full, length);
            } finally {
                buffers.release(full);
                slots.release();
            }
        }));
        int nextSize = plan.sizeOf(partNumber + 1);
        buffer = nextSize == buffers.bufferSizeBytes() ? buffers.acquire() : new byte[nextSize];
        filled = 0;
        failFastIfAPartFailed();
    }

    private void failFastIfAPartFailed() throws IOException {
        for (Future<CompletedPart> part : parts) {
            if (part.isDone() && !part.isCancelled()) {
                resultOf(part);
            }
        }
    }

    /** Ends writing; sends the last part of a multipart upload. The object is not visible yet. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (uploadId != null && filled > 0) {
            sendLastPart();
        }
    }

    private void sendLastPart() throws IOException {
        byte[] last = buffer;
        int length = filled;
        int partNumber = nextPartNumber++;
        buffer = null;
        filled = 0;
        String id = uploadId;
        parts.add(executor.submit(() -> {
            try {
                return store.uploadPart(bucket, key, id, partNumber, last, length);
            } finally {
                buffers.release(last);
            }
        }));
    }

    /**
     * Makes the object visible: completes the multipart upload, or PUTs the small content.
     * On failure the upload is aborted before the exception is thrown.
     */
    public void commit() throws IOException {
        if (finished) {
            throw new IllegalStateException("s3://" + bucket + "/" + key + " already committed or aborted");
        }
        close();
        try {
            if (uploadId == null) {
                store.put(bucket, key, contentType, buffer, filled);
            } else {
                List<CompletedPart> completed = new ArrayList<>();
                for (Future<CompletedPart> part : parts) {
                    completed.add(resultOf(part));
                }
                completed.sort(Comparator.comparingInt(CompletedPart::partNumber));
                store.completeMultipartUpload(bucket, key, uploadId, completed);
            }
            finished = true;
            releaseBuffer();
        } catch (IOException | RuntimeException e) {
            try {
                abort();
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    /** Discards everything written: aborts the multipart upload (after its running parts end). Idempotent. */
    public void abort() {
        if (finished) {
            return;
        }
        finished = true;
        closed = true;
        for (Future<CompletedPart> part : parts) {
            try {
                part.get();
            } catch (ExecutionException e) {
                // Already failed; the abort below discards the rest.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (uploadId != null) {
            store.abortMultipartUpload(bucket, key, uploadId);
        }
        releaseBuffer();
    }

    private void releaseBuffer() {
        if (buffer != null) {
            buffers.release(buffer);
            buffer = null;
        }
    }

    private CompletedPart resultOf(Future<CompletedPart> part) throws IOException {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted uploading s3://" + bucket + "/" + key);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io
                    : new IOException("uploading a part of s3://" + bucket + "/" + key + ": " + cause, cause);
        }
    }
}
