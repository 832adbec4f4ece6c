package dev.drivelog.analysis.result;

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
 */
public final class Positions extends AbstractList<double[]> implements RandomAccess {
    private static final Positions EMPTY = new Positions(new double[0], 0);

    /** lon, lat, lon, lat, ... */
    private final double[] lonLat;
    private final int size;

    private Positions(double[] lonLat, int size) {
        this.lonLat = lonLat;
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
        return lonLat[2 * checked(index)];
    }

    public double lat(int index) {
        return lonLat[2 * checked(index) + 1];
    }

    /** A new {@code [lon, lat]}. */
    @Override
    public double[] get(int index) {
        int at = 2 * checked(index);
        return new double[] {lonLat[at], lonLat[at + 1]};
    }

    @Override
    public int size() {
        return size;
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
