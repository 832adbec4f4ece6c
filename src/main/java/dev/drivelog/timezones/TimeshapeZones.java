package dev.drivelog.timezones;

import java.time.ZoneId;
import java.time.ZoneOffset;
import net.iakovlev.timeshape.TimeZoneEngine;

/**
 * The time zone of a position from timeshape (zone polygons of timezone-boundary-builder, ODbL,
 * bundled in its jar). Loaded whole (about 7 s): its initialisation for a bounding box answers no
 * query in 2025b.26 (measured: Tokyo is empty with any box around it). Outside every polygon (none,
 * as its data covers the oceans too, but the fallback is defined): UTC.
 */
public final class TimeshapeZones {
    private final TimeZoneEngine engine = TimeZoneEngine.initialize();

    public ZoneId zoneAt(double lat, double lon) {
        return engine.query(lat, lon).orElse(ZoneOffset.UTC);
    }

    /** What the map records as the zones' source. */
    public static String source() {
        return "timeshape 2025b.26 (timezone-boundary-builder polygons, ODbL) and java.time tz rules "
                + java.time.zone.ZoneRulesProvider.getVersions("Europe/Berlin").lastKey();
    }
}
