package dev.drivelog.logs;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The meaning of a CSV column or JSON field, recognised from the many names logs use. Names are
 * compared after lower-casing and turning each run of other characters into one underscore, so
 * {@code Speed (km/h)} is {@code speed_km_h} and {@code deviceId} is {@code deviceid}.
 */
enum FieldName {
    TIME("time", "timestamp", "datetime", "date_time", "ts", "fixtime", "fix_time", "devicetime", "gps_time",
            "time_utc", "utc", "epoch", "unix_time", "recorded_at"),
    /** A date column beside a time-of-day column ({@code date,time,...}): ISO date, joined to the time. */
    DATE("date", "gps_date", "utc_date"),
    LAT("lat", "latitude"),
    LON("lon", "lng", "long", "longitude"),
    /** Speed in the unit of logs.speed_unit (knots for Traccar-style records). */
    SPEED("speed"),
    SPEED_MPS("speed_mps", "speed_ms", "speed_m_s", "mps"),
    SPEED_KMH("speed_kmh", "speed_kph", "speed_km_h", "kmh", "kph"),
    SPEED_KNOTS("speed_knots", "speed_kn", "speed_kt", "knots"),
    SPEED_MPH("speed_mph", "mph"),
    HEADING("heading", "course", "bearing", "cog", "direction", "heading_deg", "course_deg"),
    ACCURACY("accuracy", "accuracy_m", "accuracy_meters", "horizontal_accuracy", "hacc", "acc"),
    HDOP("hdop"),
    VEHICLE("vehicle_id", "device_id", "vehicle", "vehicleid", "deviceid", "device", "unit_id"),
    /** Traccar's fix validity flag. */
    VALID("valid");

    private static final Map<String, FieldName> BY_NAME = new HashMap<>();

    static {
        for (FieldName field : values()) {
            for (String name : field.names) {
                BY_NAME.put(name, field);
            }
        }
    }

    private final String[] names;

    FieldName(String... names) {
        this.names = names;
    }

    /** The field a column or key name means, or null when it means nothing to drivelog. */
    static FieldName of(String rawName) {
        return ofNormalized(normalize(rawName));
    }

    /** The field a name already {@link #normalize normalized} means, or null. */
    static FieldName ofNormalized(String normalizedName) {
        return BY_NAME.get(normalizedName);
    }

    static String normalize(String rawName) {
        String lower = rawName.strip().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean pendingSeparator = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pendingSeparator && !out.isEmpty()) {
                    out.append('_');
                }
                pendingSeparator = false;
                out.append(c);
            } else {
                pendingSeparator = true;
            }
        }
        return out.toString();
    }

    /** The names recognised for this field, for messages. */
    String aliases() {
        return String.join(", ", names);
    }
}
