package dev.drivelog.timezones;

/** A latitude/longitude box in degrees (what {@code drivelog-map bbox} reports for an OSM file). */
public record AreaBox(double minLat, double minLon, double maxLat, double maxLon) {
    public AreaBox {
        if (!(minLat <= maxLat && minLon <= maxLon && minLat >= -90 && maxLat <= 90 && minLon >= -180 && maxLon <= 180)) {
            throw new IllegalArgumentException("not an area: " + minLat + "," + minLon + " .. " + maxLat + "," + maxLon);
        }
    }
}
