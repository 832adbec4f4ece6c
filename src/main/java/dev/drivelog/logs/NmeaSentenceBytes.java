package dev.drivelog.logs;

import java.util.Arrays;

/**
 * {@link NmeaSentence#parse} over ASCII bytes where they lie in the reader's buffer, for the common
 * case only: a sentence whose checksum is two hex digits and right. It then knows what the String
 * form would: the sentence type as {@link NmeaLogParser} switches on it, and each field's bounds.
 * Anything else (no checksum, a wrong one, a trailer such as {@code +A} that Integer.parseInt would
 * take) is declined, and the caller reads that sentence from its text as before, with its message.
 * One instance is reused for every sentence: no allocation per sentence once {@link #starts} fits.
 */
final class NmeaSentenceBytes {
    static final int OTHER = 0;
    static final int RMC = 1;
    static final int GGA = 2;
    static final int VTG = 3;

    private byte[] bytes;
    /** As NmeaSentence's: where each data field starts; one more entry, the end of the last + 1. */
    private int[] starts = new int[32];
    private int count;
    private int type;

    /** Reads {@code bytes[from, to)} (ASCII, starting with '$'); false when the String path must decide. */
    boolean parse(byte[] bytes, int from, int to) {
        // text.strip(): only the end can move, the text starts with '$'.
        while (to > from && Character.isWhitespace(bytes[to - 1])) {
            to--;
        }
        int star = -1;
        for (int i = to - 1; i > from; i--) {
            if (bytes[i] == '*') {
                star = i;
                break;
            }
        }
        if (star < 0) {
            return false;
        }
        int trailer = star + 1;
        while (trailer < to && Character.isWhitespace(bytes[trailer])) {
            trailer++; // the trailer's own strip(): its end is the text's, already stripped
        }
        if (to - trailer != 2) {
            return false;
        }
        int high = hexDigit(bytes[trailer]);
        int low = hexDigit(bytes[trailer + 1]);
        if (high < 0 || low < 0) {
            return false;
        }
        // One pass: the checksum, and a field after every comma (the first comma ends the address, so
        // every comma before the star starts a field, as NmeaSentence's split from the address's end).
        int computed = 0;
        int addressEnd = star;
        int n = 0;
        int[] fieldStarts = starts;
        for (int i = from + 1; i < star; i++) {
            int c = bytes[i];
            computed ^= c;
            if (c == ',') {
                if (n == 0) {
                    addressEnd = i;
                }
                if (n + 1 >= fieldStarts.length) {
                    fieldStarts = Arrays.copyOf(fieldStarts, fieldStarts.length * 2);
                    starts = fieldStarts;
                }
                fieldStarts[n++] = i + 1;
            }
        }
        if (computed != (high << 4 | low)) {
            return false;
        }
        fieldStarts[n] = star + 1;
        this.bytes = bytes;
        this.count = n;
        this.type = type(bytes, from + 1, addressEnd);
        return true;
    }

    /**
     * NmeaSentence's type() matched against the three the parser reads: the whole address when it is
     * shorter than five characters or proprietary ($P...), else its last three characters.
     */
    private static int type(byte[] b, int from, int to) {
        int length = to - from;
        if (length >= 5 && b[from] != 'P') {
            return code(b, to - 3);
        }
        return length == 3 ? code(b, from) : OTHER; // the whole address: only a bare "RMC" etc. matches
    }

    private static int code(byte[] b, int at) {
        byte x = b[at];
        byte y = b[at + 1];
        byte z = b[at + 2];
        if (x == 'R' && y == 'M' && z == 'C') {
            return RMC;
        }
        if (x == 'G' && y == 'G' && z == 'A') {
            return GGA;
        }
        if (x == 'V' && y == 'T' && z == 'G') {
            return VTG;
        }
        return OTHER;
    }

    /** Integer.parseInt(trailer, 16)'s digits, ASCII only; -1 otherwise. */
    private static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    int type() {
        return type;
    }

    byte[] bytes() {
        return bytes;
    }

    /** Where field {@code index} starts; with {@link #to}, an empty range when the sentence is shorter (NmeaSentence's ""). */
    int from(int index) {
        return index < count ? starts[index] : 0;
    }

    int to(int index) {
        return index < count ? starts[index + 1] - 1 : 0;
    }

    boolean isEmpty(int index) {
        return index >= count || starts[index + 1] - 1 == starts[index];
    }

    /** Whether field {@code index} is exactly the one character {@code c}. */
    boolean is(int index, char c) {
        return index < count && starts[index + 1] - 1 == starts[index] + 1 && bytes[starts[index]] == c;
    }
}
