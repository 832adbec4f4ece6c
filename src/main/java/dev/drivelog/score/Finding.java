package dev.drivelog.score;

import java.util.Objects;

/**
 * One row of the violations dataset as scores and the fleet page use it (docs/OUTPUTS.md).
 *
 * @param category  {@code violation} (against the law) or {@code event} (a driving event); rows written
 *                  before the column existed are violations
 * @param severity  light, moderate, heavy, severe, or {@code unrated} when the row has none
 * @param startTime seconds since the Unix epoch (UTC)
 * @param place     where it happened, for counting hot spots: {@code node/<id>} at a junction or stop
 *                  sign, else {@code way/<id>} on a road, else {@code cell/<lat>/<lon>} (about 100 m)
 */
public record Finding(String input, String vehicleId, String tripId, String type, String category, String severity,
                      double startTime, double lat, double lon, String roadName, String place) {
    public static final String VIOLATION = "violation";
    public static final String UNRATED = "unrated";

    public Finding {
        Objects.requireNonNull(type, "type");
        vehicleId = vehicleId == null ? "" : vehicleId;
        category = category == null ? VIOLATION : category;
        severity = severity == null ? UNRATED : severity;
        roadName = roadName == null ? "" : roadName;
        place = place == null ? cell(lat, lon) : place;
    }

    /** The hot-spot key of a position without a road: a cell of 0.001 degrees (about 110 m north-south). */
    public static String cell(double lat, double lon) {
        return Double.isFinite(lat) && Double.isFinite(lon)
                ? "cell/" + Math.round(lat * 1000) + "/" + Math.round(lon * 1000) : "cell/unknown";
    }
}
