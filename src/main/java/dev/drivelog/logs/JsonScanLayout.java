package dev.drivelog.logs;

import dev.drivelog.config.LogsConfig;
import dev.drivelog.config.SpeedUnit;
import java.time.ZoneOffset;

/**
 * How a {@link JsonLinesScanner} turns values into columns ({@code drivelog_jsonl_layout} in
 * capi/drivelog_jsonl.h), with the very values the Java reader uses: {@link SpeedUnit#toMps} of 1 is
 * a unit's factor, exactly, and the reader's conversion is value times that factor.
 *
 * @param zoneIsUtc   an ISO time without a zone is UTC (else it needs the zone's rules: Java's)
 * @param speedFactor a plain {@code speed} outside a Traccar-style record: logs.speed_unit's factor
 */
public record JsonScanLayout(boolean zoneIsUtc, double hdopUereMeters, double speedFactor, double kmhFactor,
                             double knotsFactor, double mphFactor) {
    static JsonScanLayout of(LogsConfig config) {
        return new JsonScanLayout(config.timeZone().normalized().equals(ZoneOffset.UTC), config.hdopUereMeters(),
                config.speedUnit().toMps(1.0), SpeedUnit.KMH.toMps(1.0), SpeedUnit.KNOTS.toMps(1.0),
                SpeedUnit.MPH.toMps(1.0));
    }
}
