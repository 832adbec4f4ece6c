package dev.drivelog.logs;

import dev.drivelog.config.LogsConfig;
import java.time.ZoneOffset;

/**
 * How a {@link GpxScanner} turns values into columns ({@code drivelog_gpx_layout} in
 * capi/drivelog_gpx.h).
 *
 * @param zoneIsUtc      a time without a zone is UTC (else it needs the zone's rules: Aalto's path)
 * @param splitSegments  logs.split_gpx_segments: {@code </trkseg>} and {@code </trk>} are entries
 * @param hdopUereMeters accuracy = hdop times this
 */
public record GpxScanLayout(boolean zoneIsUtc, boolean splitSegments, double hdopUereMeters) {
    static GpxScanLayout of(LogsConfig config) {
        return new GpxScanLayout(config.timeZone().normalized().equals(ZoneOffset.UTC), config.splitGpxSegments(),
                config.hdopUereMeters());
    }
}
