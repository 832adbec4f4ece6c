package dev.drivelog.logs;

import dev.drivelog.config.LogsConfig;
import dev.drivelog.config.SpeedUnit;
import java.time.ZoneOffset;

/**
 * How a CSV log's columns are read, for a {@link CsvLineScanner} ({@code drivelog_csv_layout} in
 * capi/drivelog_csv.h): per column up to the last one read, what it means and, for speeds, the
 * factor to m/s. Built from the header's {@link FieldName}s and the config with the very values the
 * Java reader uses ({@link SpeedUnit#toMps} of 1 is the unit's factor, exactly).
 *
 * @param kinds        per column: one of the KIND constants
 * @param speedFactors per column: m/s per unit of a KIND_SPEED column (1 for m/s)
 * @param neededFields a line with fewer fields is malformed
 * @param zoneIsUtc    an ISO time without a zone is UTC (else it needs the zone's rules: Java's)
 */
public record CsvScanLayout(byte delimiter, byte[] kinds, double[] speedFactors, int neededFields, double hdopUereMeters,
                            boolean zoneIsUtc) {
    public static final int MAX_COLUMNS = 64;
    public static final byte KIND_IGNORED = 0;
    public static final byte KIND_TIME = 1;
    public static final byte KIND_LAT = 2;
    public static final byte KIND_LON = 3;
    public static final byte KIND_SPEED = 4;
    public static final byte KIND_HEADING = 5;
    public static final byte KIND_ACCURACY = 6;
    public static final byte KIND_HDOP = 7;
    public static final byte KIND_VEHICLE = 8;
    public static final byte KIND_VALID = 9;

    /**
     * The layout of a header, or null when the scanner cannot read it (a column read beyond
     * {@link #MAX_COLUMNS}). A date column is ignored: it only joins a time of day, which the scanner
     * leaves to Java.
     */
    static CsvScanLayout of(FieldName[] columns, int neededFields, char delimiter, LogsConfig config) {
        int count = 0;
        for (int i = 0; i < columns.length; i++) {
            if (columns[i] != null && columns[i] != FieldName.DATE) {
                count = i + 1;
            }
        }
        if (count > MAX_COLUMNS || delimiter >= 0x80) {
            return null;
        }
        byte[] kinds = new byte[count];
        double[] factors = new double[count];
        for (int i = 0; i < count; i++) {
            FieldName field = columns[i];
            kinds[i] = field == null ? KIND_IGNORED : kind(field);
            factors[i] = switch (field) {
                case SPEED -> config.speedUnit().toMps(1.0);
                case SPEED_MPS -> 1.0;  // PointRecord takes the value itself; value * 1.0 is the same double
                case SPEED_KMH -> SpeedUnit.KMH.toMps(1.0);
                case SPEED_KNOTS -> SpeedUnit.KNOTS.toMps(1.0);
                case SPEED_MPH -> SpeedUnit.MPH.toMps(1.0);
                case null, default -> 0.0;
            };
        }
        return new CsvScanLayout((byte) delimiter, kinds, factors, neededFields, config.hdopUereMeters(),
                config.timeZone().normalized().equals(ZoneOffset.UTC));
    }

    private static byte kind(FieldName field) {
        return switch (field) {
            case TIME -> KIND_TIME;
            case DATE -> KIND_IGNORED;
            case LAT -> KIND_LAT;
            case LON -> KIND_LON;
            case SPEED, SPEED_MPS, SPEED_KMH, SPEED_KNOTS, SPEED_MPH -> KIND_SPEED;
            case HEADING -> KIND_HEADING;
            case ACCURACY -> KIND_ACCURACY;
            case HDOP -> KIND_HDOP;
            case VEHICLE -> KIND_VEHICLE;
            case VALID -> KIND_VALID;
        };
    }
}
