package dev.drivelog.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads one object as consecutive ranged GETs that run ahead of the reader, up to
 * {@code partsInFlight} at a time, each into a buffer from the pool. Every GET is pinned to the
 * version (or ETag) seen by HEAD, so an object replaced mid-read fails instead of mixing versions.
 * Not thread-safe (one reader); {@link #close()} waits for running GETs and returns their buffers.
 */
final class RangedDownloadStream extends InputStream {
    private record Part(byte[] buffer, int length) {}

    private final S3ObjectStore store;
    private final ObjectInfo object;
    private final BufferPool buffers;
    private final ExecutorService executor;
    private final int partsInFlight;
    private final Deque<Future<Part>> pending = new ArrayDeque<>();
    private long nextRangeStart;
    private Part current;
    private int position;
    private boolean closed;

    RangedDownloadStream(S3ObjectStore store, ObjectInfo object, BufferPool buffers, ExecutorService executor,
            int partsInFlight) {
        this.store = store;
        this.object = object;
        this.buffers = buffers;
        this.executor = executor;
        this.partsInFlight = partsInFlight;
        fillPipeline();
    }

    private void fillPipeline() {
        while (pending.size() < partsInFlight && nextRangeStart < object.sizeBytes()) {
            long start = nextRangeStart;
            int length = (int) Math.min(buffers.bufferSizeBytes(), object.sizeBytes() - start);
            nextRangeStart += length;
            pending.addLast(executor.submit(() -> fetch(start, length)));
        }
    }

    private Part fetch(long start, int length) throws IOException {
        byte[] buffer = buffers.acquire();
        try {
            store.readRange(object, start, buffer, length);
            return new Part(buffer, length);
        } catch (IOException | RuntimeException e) {
            buffers.release(buffer);
            throw e;
        }
    }

    /** Makes {@code current} a part with unread bytes; false at the end of the object. */
    private boolean advance() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (current != null && position < current.length()) {
            return true;
        }
        if (current != null) {
            buffers.release(current.buffer());
            current = null;
        }
        Future<Part> next = pending.pollFirst();
        if (next == null) {
            return false;
        }
        fillPipeline();
        try {
            current = next.get();
            position = 0;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted reading s3://" + object.bucket() + "/" + object.key());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io
                    : new IOException("reading s3://" + object.bucket() + "/" + object.key() + ": " + cause, cause);
        }
    }

    @Override
    public int read() throws IOException {
        if (!advance()) {
            return -1;
        }
        return current.buffer()[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!advance()) {
            return -1;
        }
        int n = Math.min(length, current.length() - position);
        System.arraycopy(current.buffer(), position, target, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (current != null) {
            buffers.release(current.buffer());
            current = null;
        }
        // Wait rather than cancel: a cancelled GET would still own its buffer.
        for (Future<Part> future : pending) {
            try {
                buffers.release(future.get().buffer());
            } catch (ExecutionException e) {
                // That GET failed and released its buffer; nobody is left to read its error.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        pending.clear();
    }
}
