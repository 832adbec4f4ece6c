package dev.drivelog.logs;

/**
 * Where a {@link CsvLineScanner} writes the lines it scanned: entry i of each array is the i-th line
 * (Java arrays, which the native scanner fills in place). One per read.
 */
public final class CsvScanColumns {
    public final int capacity;
    public final double[] time;
    public final double[] lat;
    public final double[] lon;
    public final float[] speed;
    public final float[] heading;
    public final float[] accuracy;
    /** The vehicle field's offset in the scanned text (blanks kept), -1 when the log has none; and its length. */
    public final int[] vehicleAt;
    public final int[] vehicleLength;
    /** {@link CsvLineScanner#LINE_POINT}, {@code LINE_SKIPPED} or {@code LINE_INVALID_FIX}. */
    public final byte[] kind;
    /** After a scan: the lines scanned and their bytes (newlines included). */
    public final long[] scanned = new long[2];

    public CsvScanColumns(int capacity) {
        this.capacity = capacity;
        time = new double[capacity];
        lat = new double[capacity];
        lon = new double[capacity];
        speed = new float[capacity];
        heading = new float[capacity];
        accuracy = new float[capacity];
        vehicleAt = new int[capacity];
        vehicleLength = new int[capacity];
        kind = new byte[capacity];
    }
}
