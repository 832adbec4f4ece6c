package dev.drivelog.logs;

import java.util.Arrays;

/**
 * The growing columns of one vehicle's trip that has not ended yet. Points are kept in time order:
 * a late point is sorted in if it is newer than the point {@code reorderWindow} places from the end
 * and not older than the last point by more than {@code maxLateSeconds}, otherwise refused. The optional columns are allocated only once a point reports them.
 */
final class OpenTrip {
    enum Added { APPENDED, REORDERED, DUPLICATE, TOO_LATE }

    static final int INITIAL_CAPACITY = 64;

    final String vehicleId;
    int count;
    double[] time;
    double[] lat;
    double[] lon;
    float[] speed;
    float[] heading;
    float[] accuracy;

    OpenTrip(String vehicleId) {
        this(vehicleId, INITIAL_CAPACITY);
    }

    /**
     * @param capacity points the columns hold before they grow by copy: the splitter's guess of the
     *                 trip's length, so that a trip of the usual length is never copied while it grows
     */
    OpenTrip(String vehicleId, int capacity) {
        this.vehicleId = vehicleId;
        int columns = Math.max(1, capacity);
        time = new double[columns];
        lat = new double[columns];
        lon = new double[columns];
    }

    double lastTime() {
        return time[count - 1];
    }

    /**
     * @param reorderWindow   how many points back a late point may be sorted in
     * @param maxLateSeconds  how much older than the last point a late point may be
     */
    Added add(double t, double la, double lo, float sp, float hd, float acc, int reorderWindow, double maxLateSeconds) {
        int at = count;
        if (count > 0 && t <= time[count - 1]) {
            if (time[count - 1] - t > maxLateSeconds) {
                return Added.TOO_LATE;
            }
            int oldest = Math.max(0, count - reorderWindow);
            // Searching back from the end: late points are usually only a little late.
            while (at > oldest && time[at - 1] > t) {
                at--;
            }
            if (at > 0 && time[at - 1] == t) {
                return Added.DUPLICATE;
            }
            if (at > 0 && time[at - 1] > t) {
                return Added.TOO_LATE; // stopped by the window, not by an older point
            }
        }
        ensureCapacity(count + 1);
        if (at < count) {
            shift(at);
        }
        time[at] = t;
        lat[at] = la;
        lon[at] = lo;
        speed = put(speed, at, sp);
        heading = put(heading, at, hd);
        accuracy = put(accuracy, at, acc);
        count++;
        return at == count - 1 ? Added.APPENDED : Added.REORDERED;
    }

    private void shift(int at) {
        int n = count - at;
        System.arraycopy(time, at, time, at + 1, n);
        System.arraycopy(lat, at, lat, at + 1, n);
        System.arraycopy(lon, at, lon, at + 1, n);
        if (speed != null) {
            System.arraycopy(speed, at, speed, at + 1, n);
        }
        if (heading != null) {
            System.arraycopy(heading, at, heading, at + 1, n);
        }
        if (accuracy != null) {
            System.arraycopy(accuracy, at, accuracy, at + 1, n);
        }
    }

    private float[] put(float[] column, int at, float value) {
        if (column == null) {
            if (Float.isNaN(value)) {
                return null;
            }
            column = new float[time.length];
            Arrays.fill(column, Float.NaN);
        }
        column[at] = value;
        return column;
    }

    private void ensureCapacity(int needed) {
        if (needed <= time.length) {
            return;
        }
        int capacity = Math.max(needed, time.length * 2);
        time = Arrays.copyOf(time, capacity);
        lat = Arrays.copyOf(lat, capacity);
        lon = Arrays.copyOf(lon, capacity);
        speed = grow(speed, capacity);
        heading = grow(heading, capacity);
        accuracy = grow(accuracy, capacity);
    }

    private static float[] grow(float[] column, int capacity) {
        if (column == null) {
            return null;
        }
        int old = column.length;
        float[] grown = Arrays.copyOf(column, capacity);
        Arrays.fill(grown, old, capacity, Float.NaN);
        return grown;
    }
}
