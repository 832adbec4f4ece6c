package dev.drivelog.logs;

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
        int start = Blanks.start(text);
        int end = Blanks.end(text, start);
        if (start != 0 || end != text.length()) {
            return text.toString().strip(); // rare: ids with blanks around them
        }
        int mask = keys.length - 1;
        for (int slot = spread(text.bytesHash()) & mask; ; slot = (slot + 1) & mask) {
            byte[] key = keys[slot];
            if (key == null) {
                String id = text.toString();
                if (size < MAX_IDS) {
                    keys[slot] = text.copyBytes();
                    values[slot] = id;
                    if (++size * 2 > keys.length) {
                        grow();
                    }
                }
                return id;
            }
            if (text.contentEquals(key)) {
                return values[slot];
            }
        }
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
