package dev.drivelog.config;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The {@code logs:} section: how drive logs are read, cleaned and split into trips, and the limits
 * that protect memory. Defaults live in {@link #DEFAULTS}; config/drivelog.yaml documents each key.
 *
 * @param format               the format to assume, or AUTO to detect it
 * @param speedUnit            unit of a plain {@code speed} column/field in CSV and JSON Lines
 * @param timeZone             zone of timestamps written without an offset
 * @param hdopUereMeters       user equivalent range error: accuracy (1 sigma, m) = HDOP x this
 * @param tripGapSeconds       a pause longer than this (per vehicle) ends a trip
 * @param minPointsPerTrip     trips with fewer points after cleaning are dropped (and counted)
 * @param maxPointsPerTrip     a trip reaching this many points is emitted and continued as a new trip
 * @param maxOpenTrips         vehicles with an open trip at once; beyond it the least recently updated is closed
 * @param maxBufferedPoints    points held in open trips at once; beyond it the least recently updated trip is closed
 * @param reorderWindowPoints  how many points late an out-of-order point may arrive and still be sorted in
 * @param maxSpeedKmh          a move between two points faster than this is a position error
 * @param dropNullIsland       drop points at exactly 0,0 (a receiver's "no fix")
 * @param splitGpxSegments     each GPX track and track segment starts a new trip
 * @param maxReportedProblems  how many skipped lines and cleanings are described (all are counted)
 * @param maxInputBytes        largest input as stored (compressed) in bytes
 * @param maxDecompressedBytes largest input after decompression in bytes
 * @param maxDecompressionRatio largest decompressed/compressed size ratio (gzip bombs)
 * @param maxLineBytes         longest line (or GPX text between tags) in bytes; longer ones are skipped
 */
public record LogsConfig(
        LogFormatChoice format,
        SpeedUnit speedUnit,
        ZoneId timeZone,
        double hdopUereMeters,
        double tripGapSeconds,
        int minPointsPerTrip,
        int maxPointsPerTrip,
        int maxOpenTrips,
        long maxBufferedPoints,
        int reorderWindowPoints,
        double maxSpeedKmh,
        boolean dropNullIsland,
        boolean splitGpxSegments,
        int maxReportedProblems,
        long maxInputBytes,
        long maxDecompressedBytes,
        double maxDecompressionRatio,
        int maxLineBytes) {

    public static final LogsConfig DEFAULTS = new LogsConfig(
            LogFormatChoice.AUTO,
            SpeedUnit.MPS,
            ZoneId.of("UTC"),
            5.0,
            300,
            2,
            100_000,
            10_000,
            2_000_000,
            32,
            300,
            true,
            true,
            20,
            4L << 30,
            16L << 30,
            100,
            1 << 20);

    public LogsConfig {
        Require.present("logs.format", format);
        Require.present("logs.speed_unit", speedUnit);
        Require.present("logs.time_zone", timeZone);
        Require.positive("logs.hdop_uere_meters", hdopUereMeters);
        Require.positive("logs.trip_gap_seconds", tripGapSeconds);
        Require.between("logs.min_points_per_trip", minPointsPerTrip, 1, 1_000_000);
        Require.between("logs.max_points_per_trip", maxPointsPerTrip, 2, 50_000_000);
        if (minPointsPerTrip > maxPointsPerTrip) {
            throw new ConfigException("logs.min_points_per_trip", "must be <= logs.max_points_per_trip ("
                    + maxPointsPerTrip + "), got " + minPointsPerTrip);
        }
        Require.between("logs.max_open_trips", maxOpenTrips, 1, 10_000_000);
        Require.atLeast("logs.max_buffered_points", maxBufferedPoints, maxPointsPerTrip);
        Require.between("logs.reorder_window_points", reorderWindowPoints, 0, 10_000);
        Require.positive("logs.max_speed_kmh", maxSpeedKmh);
        Require.atLeast("logs.max_reported_problems", maxReportedProblems, 0);
        Require.positive("logs.max_input_bytes", maxInputBytes);
        Require.positive("logs.max_decompressed_bytes", maxDecompressedBytes);
        if (!(maxDecompressionRatio >= 1) || Double.isInfinite(maxDecompressionRatio)) {
            throw new ConfigException("logs.max_decompression_ratio", "must be >= 1, got " + maxDecompressionRatio);
        }
        Require.between("logs.max_line_bytes", maxLineBytes, 256, 1 << 30);
    }

    /** Reads the section; absent keys take {@link #DEFAULTS}. */
    public static LogsConfig from(ConfigSection section) {
        LogsConfig d = DEFAULTS;
        LogsConfig config = new LogsConfig(
                section.enumValue("format", LogFormatChoice.class, d.format()),
                section.enumValue("speed_unit", SpeedUnit.class, d.speedUnit()),
                zone(section, d.timeZone()),
                section.doubleValue("hdop_uere_meters", d.hdopUereMeters()),
                section.doubleValue("trip_gap_seconds", d.tripGapSeconds()),
                section.intValue("min_points_per_trip", d.minPointsPerTrip()),
                section.intValue("max_points_per_trip", d.maxPointsPerTrip()),
                section.intValue("max_open_trips", d.maxOpenTrips()),
                section.longValue("max_buffered_points", d.maxBufferedPoints()),
                section.intValue("reorder_window_points", d.reorderWindowPoints()),
                section.doubleValue("max_speed_kmh", d.maxSpeedKmh()),
                section.booleanValue("drop_null_island", d.dropNullIsland()),
                section.booleanValue("split_gpx_segments", d.splitGpxSegments()),
                section.intValue("max_reported_problems", d.maxReportedProblems()),
                section.longValue("max_input_bytes", d.maxInputBytes()),
                section.longValue("max_decompressed_bytes", d.maxDecompressedBytes()),
                section.doubleValue("max_decompression_ratio", d.maxDecompressionRatio()),
                section.intValue("max_line_bytes", d.maxLineBytes()));
        section.refuseUnknownKeys();
        return config;
    }

    private static ZoneId zone(ConfigSection section, ZoneId defaultZone) {
        String name = section.stringValue("time_zone", null);
        if (name == null) {
            return defaultZone;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new ConfigException(section.keyPath("time_zone"), "not a time zone: '" + name
                    + "' (use e.g. UTC, Europe/Berlin or +02:00)");
        }
    }

    /**
     * The record's own text, written out: the result version hashes it (ResultIdentity), and the
     * generated {@code toString} of 18 components costs tens of ms of a container's init (its method
     * handles are spun on first use, as those of a string concatenation would be, hence the
     * builder); LogsConfigTest holds it to the generated form.
     */
    @Override
    public String toString() {
        return new StringBuilder(400).append("LogsConfig[format=").append(format)
                .append(", speedUnit=").append(speedUnit)
                .append(", timeZone=").append(timeZone)
                .append(", hdopUereMeters=").append(hdopUereMeters)
                .append(", tripGapSeconds=").append(tripGapSeconds)
                .append(", minPointsPerTrip=").append(minPointsPerTrip)
                .append(", maxPointsPerTrip=").append(maxPointsPerTrip)
                .append(", maxOpenTrips=").append(maxOpenTrips)
                .append(", maxBufferedPoints=").append(maxBufferedPoints)
                .append(", reorderWindowPoints=").append(reorderWindowPoints)
                .append(", maxSpeedKmh=").append(maxSpeedKmh)
                .append(", dropNullIsland=").append(dropNullIsland)
                .append(", splitGpxSegments=").append(splitGpxSegments)
                .append(", maxReportedProblems=").append(maxReportedProblems)
                .append(", maxInputBytes=").append(maxInputBytes)
                .append(", maxDecompressedBytes=").append(maxDecompressedBytes)
                .append(", maxDecompressionRatio=").append(maxDecompressionRatio)
                .append(", maxLineBytes=").append(maxLineBytes)
                .append(']').toString();
    }
}
