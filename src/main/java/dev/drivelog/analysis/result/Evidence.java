package dev.drivelog.analysis.result;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A finding's evidence: an unmodifiable map in the engine's key order, held as two arrays. Every
 * finding of every trip has one, and a {@code LinkedHashMap} (a node per entry, built by the reader
 * and copied again by {@link Violation}) was a few per cent of the Java side's CPU
 * (docs/BENCHMARKS.md, "The engine's result carried as bytes"). The writers read it by index
 * ({@link #key}, {@link #value}); as a {@code Map} it is what the LinkedHashMap was: same order,
 * null values, a repeated key keeps its first place and its last value, {@code equals} and
 * {@code hashCode} by the Map contract. {@code EvidenceTest} holds it to a LinkedHashMap.
 */
public final class Evidence extends AbstractMap<String, Object> {
    private static final Evidence EMPTY = new Evidence(new String[0], new Object[0], 0);

    private final String[] keys;
    private final Object[] values;
    private final int size;

    private Evidence(String[] keys, Object[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    /** {@code map} itself when it is an Evidence (it cannot change), else a copy in its iteration order; null gives the empty one. */
    public static Evidence of(Map<String, ?> map) {
        if (map instanceof Evidence evidence) {
            return evidence;
        }
        if (map == null || map.isEmpty()) {
            return EMPTY;
        }
        Builder builder = new Builder();
        map.forEach(builder::put);
        return builder.build();
    }

    /** The key of entry {@code index} (0 to size - 1), in the engine's order. */
    public String key(int index) {
        return keys[index];
    }

    /** The value of entry {@code index}: a JSON scalar (String, Number, Boolean) or null. */
    public Object value(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Object get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(keys[index], values[index]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** Collects entries in order; a key put again keeps its place and takes the new value (as a LinkedHashMap's put). */
    public static final class Builder {
        private String[] keys = new String[8];
        private Object[] values = new Object[8];
        private int size;

        public Builder put(String key, Object value) {
            if (key == null) {
                throw new NullPointerException("evidence key");
            }
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    values[i] = value;
                    return this;
                }
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, 2 * size);
                values = Arrays.copyOf(values, 2 * size);
            }
            keys[size] = key;
            values[size] = value;
            size++;
            return this;
        }

        /** The evidence; the builder must not be used afterwards (its arrays are the evidence's). */
        public Evidence build() {
            return size == 0 ? EMPTY : new Evidence(keys, values, size);
        }
    }
}
