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
 * <p>Read from the engine's result, the path keeps the numbers as the engine wrote them ({@link #hasText},
 * {@link TextBuilder}) and parses a number only when it is asked for: the GeoJSON writer copies that text
 * where it is the text it would write itself, so that most coordinates are neither parsed nor formatted
 * again (docs/BENCHMARKS.md, "The matched path's numbers copied").
 */
public final class Positions extends AbstractList<double[]> implements RandomAccess {
    private static final Positions EMPTY = new Positions(new double[0], 0);

    /** lon, lat, lon, lat, ...; null when the path is held as text. */
    private final double[] lonLat;
    /** The numbers' text (ASCII) one after the other (lon, lat, lon, ...); null when held as doubles. */
    private final byte[] text;
    /** Where number {@code k}'s text ends in {@link #text}; it starts where number {@code k - 1}'s ends. */
    private final int[] textEnds;
    private final int size;

    private Positions(double[] lonLat, int size) {
        this.lonLat = lonLat;
        this.text = null;
        this.textEnds = null;
        this.size = size;
    }

    private Positions(byte[] text, int[] textEnds, int size) {
        this.lonLat = null;
        this.text = text;
        this.textEnds = textEnds;
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

    /** True when the numbers are held as the engine's text ({@link #textStart}, {@link #textEnd}, {@link #text}). */
    public boolean hasText() {
        return text != null;
    }

    /**
     * The text of the numbers, lon and lat of each position in turn (number {@code 2 * i} is position
     * {@code i}'s lon); shared, not copied: the caller must not change it. Only when {@link #hasText}.
     */
    public byte[] text() {
        return text;
    }

    /** Where number {@code k}'s text starts in {@link #text}. */
    public int textStart(int number) {
        return number == 0 ? 0 : textEnds[number - 1];
    }

    /** Where number {@code k}'s text ends in {@link #text} (exclusive). */
    public int textEnd(int number) {
        return textEnds[number];
    }

    private double number(int at) {
        if (lonLat != null) {
            return lonLat[at];
        }
        int start = textStart(at);
        return parse(text, start, textEnds[at]);
    }

    /** JSON's number grammar, which Double.parseDouble reads; correctly rounded as Jackson's reading. */
    private static double parse(byte[] text, int start, int end) {
        return Double.parseDouble(new String(text, start, end - start, StandardCharsets.ISO_8859_1));
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

    /**
     * Collects the numbers' text in order, lon then lat of each position, for one stretch after another
     * (one builder per trip: its buffers grow once, and each stretch gets arrays of its own size). Only
     * for decimal numbers with a fraction or an exponent (JSON's floats): {@link Double#parseDouble}
     * reads such a text as Jackson reads it (both correctly rounded), whereas Jackson reads an integer
     * such as {@code -0} as an int first (0.0, not -0.0), so the reader keeps integers as doubles
     * ({@link #toDoubles}).
     */
    public static final class TextBuilder {
        private byte[] text = new byte[256];
        private int length;
        private int[] ends = new int[32];
        private int numbers;

        /** Appends one number's text, {@code chars[offset, offset + count)}: ASCII, as JSON's numbers are. */
        public TextBuilder add(char[] chars, int offset, int count) {
            if (length + count > text.length) {
                text = Arrays.copyOf(text, Math.max(2 * text.length, length + count));
            }
            for (int i = 0; i < count; i++) {
                text[length + i] = (byte) chars[offset + i];
            }
            length += count;
            if (numbers == ends.length) {
                ends = Arrays.copyOf(ends, 2 * ends.length);
            }
            ends[numbers++] = length;
            return this;
        }

        /** Takes the last number added off again and gives its value. */
        public double removeLast() {
            int end = ends[--numbers];
            int start = numbers == 0 ? 0 : ends[numbers - 1];
            length = start;
            return parse(text, start, end);
        }

        /** The stretch's positions (an odd number of numbers is refused); the builder starts the next stretch. */
        public Positions build() {
            requirePairs();
            Positions positions = numbers == 0 ? EMPTY
                    : new Positions(Arrays.copyOf(text, length), Arrays.copyOf(ends, numbers), numbers / 2);
            length = 0;
            numbers = 0;
            return positions;
        }

        /** The stretch's positions so far, parsed, in a Builder of pairs to go on with; the builder starts the next stretch. */
        public Builder toDoubles() {
            requirePairs();
            Builder pairs = new Builder();
            Positions sofar = new Positions(text, ends, numbers / 2);
            for (int i = 0; i < sofar.size(); i++) {
                pairs.add(sofar.lon(i), sofar.lat(i));
            }
            length = 0;
            numbers = 0;
            return pairs;
        }

        private void requirePairs() {
            if (numbers % 2 != 0) {
                throw new IllegalStateException("a lon without its lat");
            }
        }
    }
}
