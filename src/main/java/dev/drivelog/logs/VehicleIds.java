package dev.drivelog.logs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Vehicle ids read as bytes, turned into Strings once per vehicle rather than once per point: an
 * open-addressing table from the id's bytes to its String. The same String instance comes back for
 * every point of a vehicle, so the trip splitter's map lookup is an identity hit. Bounded: past
 * {@link #MAX_IDS} distinct ids (a log of that many vehicles) new ids are simply decoded each time.
 * One per reader; not thread safe.
 */
final class VehicleIds {
    static final int MAX_IDS = 1 << 16;

    private byte[][] keys = new byte[64][];
    private String[] values = new String[64];
    private int size;

    /** The id (blanks around it stripped, as String.strip does) as a String; the same instance each time. */
    String of(AsciiText text) {
        return of(text.array(), text.start(), text.end());
    }

    /**
     * The id in {@code bytes[from, to)}, which must be ASCII, as {@link #of(AsciiText)}: read byte by
     * byte rather than through {@code CharSequence} calls, which C1 does not inline (once per point).
     */
    String of(byte[] bytes, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && isBlank(bytes[start])) {
            start++;
        }
        while (end > start && isBlank(bytes[end - 1])) {
            end--;
        }
        if (start != from || end != to) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1).strip(); // rare: ids with blanks around them
        }
        int hash = 1;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + bytes[i];
        }
        int mask = keys.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            byte[] key = keys[slot];
            if (key == null) {
                String id = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
                if (size < MAX_IDS) {
                    keys[slot] = Arrays.copyOfRange(bytes, from, to);
                    values[slot] = id;
                    if (++size * 2 > keys.length) {
                        grow();
                    }
                }
                return id;
            }
            if (Arrays.equals(bytes, from, to, key, 0, key.length)) {
                return values[slot];
            }
        }
    }

    /** Character.isWhitespace for ASCII: what String.strip skips. */
    private static boolean isBlank(byte c) {
        return (c >= 9 && c <= 13) || (c >= 28 && c <= 32);
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    private void grow() {
        byte[][] oldKeys = keys;
        String[] oldValues = values;
        keys = new byte[oldKeys.length * 2][];
        values = new String[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = spread(Arrays.hashCode(oldKeys[i])) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
