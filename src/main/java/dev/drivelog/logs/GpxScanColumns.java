package dev.drivelog.logs;

/**
 * Where a {@link GpxScanner} writes what it scanned: entry i of each array is the i-th point or trip
 * boundary in document order (Java arrays, which the native scanner fills in place). One per read.
 */
public final class GpxScanColumns {
    public final int capacity;
    public final double[] time;
    public final double[] lat;
    public final double[] lon;
    public final float[] speed;
    public final float[] heading;
    public final float[] accuracy;
    /** A point's trkpt start tag's line. */
    public final long[] line;
    /** {@link GpxScanner#POINT} or {@link GpxScanner#BOUNDARY}. */
    public final byte[] entry;
    /** After a scan: the entries written, the bytes taken, the line of the last point's end tag (0: none). */
    public final long[] scanned = new long[3];

    public GpxScanColumns(int capacity) {
        this.capacity = capacity;
        time = new double[capacity];
        lat = new double[capacity];
        lon = new double[capacity];
        speed = new float[capacity];
        heading = new float[capacity];
        accuracy = new float[capacity];
        line = new long[capacity];
        entry = new byte[capacity];
    }
}
