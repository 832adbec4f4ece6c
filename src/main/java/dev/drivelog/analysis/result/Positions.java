package dev.drivelog.analysis.result;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A matched stretch's path as {@code [lon, lat]} pairs held in one flat array: an unmodifiable
 * {@code List<double[]>} without an array per position. With {@code --matched} every fix of every trip
 * comes back as a position, and a {@code double[2]} each (then a list of them copied again by
 * {@link MatchedSegment}) was the reader's largest item (docs/BENCHMARKS.md, "The engine's result
 * carried as bytes"). The writer reads it by index ({@link #lon}, {@link #lat}); {@link #get} gives a
 * fresh pair, so nobody changes the path through it.
 *
 * <p>Read from the engine's result, the path is the engine's own text of the {@code coordinates} array, a
 * slice of the result's bytes that is neither copied nor parsed ({@link #hasText}): the GeoJSON writer
 * copies it whole where it is the text it would write itself, and a number is parsed only when asked for
 * (docs/BENCHMARKS.md, "The matched path copied, not parsed"). The slice keeps the whole result's bytes
 * alive as long as the path.
 */
public final class Positions extends AbstractList<double[]> implements RandomAccess {
    private static final Positions EMPTY = new Positions(new double[0], 0);

    /** lon, lat, lon, lat, ...; null when the path is held as text. */
    private final double[] lonLat;
    /** The bytes that hold the array's text {@code [[lon,lat],...]} at {@code [textStart, textEnd)}; null when held as doubles. */
    private final byte[] text;
    private final int textStart;
    private final int textEnd;
    /** True when the text has no white space: {@code [[lon,lat],[lon,lat]]}. */
    private final boolean compact;
    /** True when every number of the text is a plain decimal ({@link #plainDecimals}). */
    private final boolean plain;
    /**
     * Where each number's text starts and ends (start of number {@code k} at {@code 2k}, end at {@code 2k + 1}),
     * found on the first call that needs a number: the writer's copy never does, so a path that is only
     * copied allocates nothing per position. Volatile: the array is complete before it is published.
     */
    private volatile int[] bounds;
    private final int size;

    private Positions(double[] lonLat, int size) {
        this.lonLat = lonLat;
        this.text = null;
        this.textStart = 0;
        this.textEnd = 0;
        this.compact = false;
        this.plain = false;
        this.size = size;
    }

    private Positions(byte[] text, int textStart, int textEnd, int size, boolean compact, boolean plain) {
        this.lonLat = null;
        this.text = text;
        this.textStart = textStart;
        this.textEnd = textEnd;
        this.compact = compact;
        this.plain = plain;
        this.size = size;
    }

    /**
     * {@code positions} as Positions: itself if it is one, a copy if every position is a pair, and null
     * if one is not (a longer or shorter position: the caller keeps a plain list); null gives the empty one.
     */
    public static Positions of(List<double[]> positions) {
        if (positions instanceof Positions flat) {
            return flat;
        }
        if (positions == null || positions.isEmpty()) {
            return EMPTY;
        }
        Builder builder = new Builder();
        for (double[] position : positions) {
            if (position.length != 2) {
                return null;
            }
            builder.add(position[0], position[1]);
        }
        return builder.build();
    }

    /**
     * The path held as the text {@code text[start, end)}, which must be a JSON array of {@code size}
     * arrays of two JSON numbers each (the caller has checked the grammar: {@link MatchedPathReader}),
     * without white space if {@code compact}, every number a plain decimal if {@code plain}
     * ({@link #plainDecimals}). Not copied: the caller must not change those bytes.
     */
    static Positions ofText(byte[] text, int start, int end, int size, boolean compact, boolean plain) {
        return size == 0 ? EMPTY : new Positions(text, start, end, size, compact, plain);
    }

    public double lon(int index) {
        return number(2 * checked(index));
    }

    public double lat(int index) {
        return number(2 * checked(index) + 1);
    }

    /** A new {@code [lon, lat]}. */
    @Override
    public double[] get(int index) {
        int at = 2 * checked(index);
        return new double[] {number(at), number(at + 1)};
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * True when the path is held as the engine's text of its {@code coordinates} array
     * ({@link #text}, {@link #textStart}, {@link #textEnd}).
     */
    public boolean hasText() {
        return text != null;
    }

    /** True when the text holds no white space ({@code [[lon,lat],...]}, as a JSON generator writes it). */
    public boolean compactText() {
        return compact;
    }

    /**
     * True when every number of the text is a plain decimal {@code -?I.F} whose integer part {@code I} is
     * {@code 0} or up to 7 digits, whose fraction {@code F} has 1 to 9 digits and ends in a non-zero one,
     * with at most 15 digits in all and at least 0.001 in magnitude: the engine's text of a coordinate
     * ({@code json_writer.cpp}) but for a whole number, a tiny one or one past 10^7, and the text the
     * GeoJSON writer would print for its double (held to it by {@code MatchedTextCopyTest}).
     */
    public boolean plainDecimals() {
        return plain;
    }

    /** The bytes holding the array's text; shared, not copied: the caller must not change them. Only when {@link #hasText}. */
    public byte[] text() {
        return text;
    }

    /** Where the array's text starts in {@link #text}: its {@code [}. */
    public int textStart() {
        return textStart;
    }

    /** Where the array's text ends in {@link #text} (exclusive): after its {@code ]}. */
    public int textEnd() {
        return textEnd;
    }

    /** Where number {@code k}'s text starts in {@link #text} (number {@code 2 * i} is position {@code i}'s lon). */
    public int numberStart(int number) {
        return bounds()[2 * number];
    }

    /** Where number {@code k}'s text ends in {@link #text} (exclusive). */
    public int numberEnd(int number) {
        return bounds()[2 * number + 1];
    }

    private double number(int at) {
        if (lonLat != null) {
            return lonLat[at];
        }
        int[] b = bounds();
        return parse(text, b[2 * at], b[2 * at + 1]);
    }

    private int[] bounds() {
        int[] b = bounds;
        if (b == null) {
            b = findBounds();
            bounds = b;
        }
        return b;
    }

    /** Each number's text in the checked grammar: it starts after white space that follows {@code [} or {@code ,}. */
    private int[] findBounds() {
        int[] b = new int[4 * size];
        int k = 0;
        int at = textStart;
        while (k < b.length) {
            byte c = text[at];
            if (c == '-' || (c >= '0' && c <= '9')) {
                b[k++] = at;
                do {
                    at++;
                    c = text[at];
                } while (c != ',' && c != ']' && !isWhiteSpace(c));
                b[k++] = at;
            } else {
                at++;
            }
        }
        return b;
    }

    static boolean isWhiteSpace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    /**
     * JSON's number grammar as Jackson reads it for a double: a number with a fraction or an exponent as
     * {@link Double#parseDouble} (both correctly rounded), an integer through its integer value, which
     * makes {@code -0} the double 0.0 (adding +0.0 turns -0.0 into 0.0 and leaves every other value as it is).
     */
    private static double parse(byte[] text, int start, int end) {
        double value = Double.parseDouble(new String(text, start, end - start, StandardCharsets.ISO_8859_1));
        for (int i = start; i < end; i++) {
            byte c = text[i];
            if (c == '.' || c == 'e' || c == 'E') {
                return value;
            }
        }
        return value + 0.0;
    }

    private int checked(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("position " + index + " of " + size);
        }
        return index;
    }

    /** Collects pairs in order. */
    public static final class Builder {
        private double[] lonLat = new double[64];
        private int size;

        public Builder add(double lon, double lat) {
            if (2 * size == lonLat.length) {
                lonLat = Arrays.copyOf(lonLat, 2 * lonLat.length);
            }
            lonLat[2 * size] = lon;
            lonLat[2 * size + 1] = lat;
            size++;
            return this;
        }

        /** The positions, trimmed to their size; the builder must not be used afterwards. */
        public Positions build() {
            return size == 0 ? EMPTY : new Positions(2 * size == lonLat.length ? lonLat : Arrays.copyOf(lonLat, 2 * size), size);
        }
    }
}
