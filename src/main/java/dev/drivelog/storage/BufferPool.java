package dev.drivelog.storage;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reuses transfer buffers of one size so that moving a large object does not allocate per byte.
 * Never blocks: when none is free a new one is allocated, and at most {@code retained} free buffers
 * are kept (memory is bounded by the callers' concurrency, not by this pool). Thread-safe.
 */
public final class BufferPool {
    private final int bufferSizeBytes;
    private final BlockingQueue<byte[]> free;
    private final AtomicLong allocated = new AtomicLong();

    public BufferPool(int bufferSizeBytes, int retained) {
        this.bufferSizeBytes = bufferSizeBytes;
        this.free = new ArrayBlockingQueue<>(Math.max(1, retained));
    }

    public int bufferSizeBytes() {
        return bufferSizeBytes;
    }

    /** A buffer of exactly {@code bufferSizeBytes()} bytes; its content is undefined. */
    public byte[] acquire() {
        byte[] buffer = free.poll();
        if (buffer != null) {
            return buffer;
        }
        allocated.incrementAndGet();
        return new byte[bufferSizeBytes];
    }

    /** Buffers this pool has allocated so far (not reused ones): for tests of the memory bound. */
    long allocatedCount() {
        return allocated.get();
    }

    /** Gives a buffer back; buffers of another size are dropped. The caller must not touch it afterwards. */
    public void release(byte[] buffer) {
        if (buffer != null && buffer.length == bufferSizeBytes) {
            free.offer(buffer);
        }
    }
}
