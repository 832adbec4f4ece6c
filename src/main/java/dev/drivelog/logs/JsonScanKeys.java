package dev.drivelog.logs;

import java.util.Arrays;

/**
 * The keys the JSON Lines reader has met and what each means, as the native scanner reads them
 * (capi/drivelog_jsonl.h): entries of [key length][field][flags][key bytes]. A key is added when the
 * Java reader first gives it a meaning; a key the scanner could never see as written (one with a
 * quote, a backslash, a control character or a character outside ASCII, which it leaves to Java
 * anyway) or longer than {@link #MAX_KEY_BYTES} is not added, nor any past {@link #MAX_KEYS}.
 */
public final class JsonScanKeys {
    static final int MAX_KEYS = 1024;
    static final int MAX_KEY_BYTES = 255;
    /** Fields (capi/drivelog_jsonl.h, DRIVELOG_JSONL_*). */
    static final byte IGNORED = 0;
    static final byte TRACCAR_TIME = 1;

    private byte[] bytes = new byte[256];
    private int length;
    private int count;

    /** The table's bytes: {@code bytes()[0, length())}; the array changes as keys are added. */
    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return length;
    }

    /** Adds a key (decoded, as Jackson hands it out) with its meaning; see the class comment for what is left out. */
    void add(String key, FieldName field, boolean traccarTime) {
        if (count == MAX_KEYS || key.length() > MAX_KEY_BYTES) {
            return;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                return;
            }
        }
        if (length + 3 + key.length() > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + 3 + key.length()));
        }
        bytes[length] = (byte) key.length();
        bytes[length + 1] = field(field);
        bytes[length + 2] = traccarTime ? TRACCAR_TIME : 0;
        for (int i = 0; i < key.length(); i++) {
            bytes[length + 3 + i] = (byte) key.charAt(i);
        }
        length += 3 + key.length();
        count++;
    }

    private static byte field(FieldName field) {
        if (field == null) {
            return IGNORED;
        }
        return (byte) switch (field) {
            case TIME -> 1;
            case DATE -> 2;
            case LAT -> 3;
            case LON -> 4;
            case SPEED -> 5;
            case SPEED_MPS -> 6;
            case SPEED_KMH -> 7;
            case SPEED_KNOTS -> 8;
            case SPEED_MPH -> 9;
            case HEADING -> 10;
            case ACCURACY -> 11;
            case HDOP -> 12;
            case VEHICLE -> 13;
            case VALID -> 14;
        };
    }
}
