package dev.drivelog.logs;

/**
 * Where an {@link NmeaSentenceScanner} writes the sentences it decoded: entry i of each array is the
 * i-th RMC, GGA or VTG sentence (Java arrays, which the native scanner fills in place). Numbers are
 * the fields' values in their own units, NaN where a field is empty or not of that sentence. One per read.
 */
public final class NmeaScanColumns {
    public final int capacity;
    /** {@link NmeaSentenceScanner#RMC}, {@code GGA} or {@code VTG}. */
    public final byte[] sentence;
    /** {@link NmeaSentenceScanner#NOT_VALID}, {@code SPEED_KMH}, {@code SPEED_KNOTS}. */
    public final byte[] flags;
    /** The sentence's line among the lines scanned, from 0. */
    public final int[] line;
    /** RMC, GGA: seconds of the day. */
    public final double[] timeOfDay;
    /** RMC: days since 1970-01-01, {@link NmeaFieldBytes#NO_DAY} without a date. */
    public final long[] day;
    /** RMC, GGA: signed degrees, NaN both without a fix. */
    public final double[] lat;
    public final double[] lon;
    /** RMC: knots; VTG: km/h or knots as the flags say. */
    public final double[] speed;
    /** RMC, VTG: degrees. */
    public final double[] course;
    /** GGA. */
    public final double[] hdop;
    /** After a scan: the sentences decoded, the lines scanned and their bytes (newlines included). */
    public final long[] scanned = new long[3];

    public NmeaScanColumns(int capacity) {
        this.capacity = capacity;
        sentence = new byte[capacity];
        flags = new byte[capacity];
        line = new int[capacity];
        timeOfDay = new double[capacity];
        day = new long[capacity];
        lat = new double[capacity];
        lon = new double[capacity];
        speed = new double[capacity];
        course = new double[capacity];
        hdop = new double[capacity];
    }
}
