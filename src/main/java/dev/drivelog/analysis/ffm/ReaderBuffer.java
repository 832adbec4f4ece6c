package dev.drivelog.analysis.ffm;

import java.lang.foreign.MemorySegment;

/**
 * A heap segment over a logs reader's byte buffer, for a native scanner's critical call: made again
 * only when the reader hands another array (its buffer changes only when it grows). One per batch.
 */
final class ReaderBuffer {
    private byte[] bytes;
    private MemorySegment segment;

    /** The segment over {@code buffer} from {@code from} on. */
    MemorySegment from(byte[] buffer, int from) {
        if (buffer != bytes) {
            bytes = buffer;
            segment = MemorySegment.ofArray(buffer);
        }
        return segment.asSlice(from);
    }
}
