package dev.drivelog.logs;

import dev.drivelog.config.LogsConfig;
import dev.drivelog.config.SpeedUnit;

/**
 * The fields of one CSV row or JSON record as they are read, then checked and handed to the sink.
 * Reused from record to record (one per parser).
 */
final class PointRecord {
    private final LogsConfig config;
    private final TimestampParser timestamps;

    String vehicleId;
    /** Time as text, parsed at {@link #emit} so that a date column may come before or after it. */
    String timeText;
    String dateText;
    double time;
    double lat;
    double lon;
    double speedMps;
    double headingDeg;
    double accuracyMeters;
    double hdop;
    boolean valid;

    PointRecord(LogsConfig config) {
        this.config = config;
        this.timestamps = new TimestampParser(config.timeZone());
        reset();
    }

    void reset() {
        vehicleId = "";
        timeText = null;
        dateText = null;
        time = Double.NaN;
        lat = Double.NaN;
        lon = Double.NaN;
        speedMps = Double.NaN;
        headingDeg = Double.NaN;
        accuracyMeters = Double.NaN;
        hdop = Double.NaN;
        valid = true;
    }

    /** Sets the field's value from text; empty optional values stay unset. */
    void set(FieldName field, String text, SpeedUnit plainSpeedUnit) throws MalformedRecordException {
        switch (field) {
            case TIME -> timeText = text;
            case DATE -> dateText = text;
            case LAT -> lat = number(text, "latitude");
            case LON -> lon = number(text, "longitude");
            case VEHICLE -> vehicleId = text.strip();
            case VALID -> valid = !text.strip().equalsIgnoreCase("false") && !text.strip().equals("0");
            default -> setNumber(field, optionalNumber(text, field), plainSpeedUnit);
        }
    }

    /** Sets a numeric field from a number (JSON). */
    void setNumber(FieldName field, double value, SpeedUnit plainSpeedUnit) throws MalformedRecordException {
        switch (field) {
            case TIME -> time = TimestampParser.fromEpochNumber(value);
            case LAT -> lat = value;
            case LON -> lon = value;
            case SPEED -> speedMps = plainSpeedUnit.toMps(value);
            case SPEED_MPS -> speedMps = value;
            case SPEED_KMH -> speedMps = SpeedUnit.KMH.toMps(value);
            case SPEED_KNOTS -> speedMps = SpeedUnit.KNOTS.toMps(value);
            case SPEED_MPH -> speedMps = SpeedUnit.MPH.toMps(value);
            case HEADING -> headingDeg = value;
            case ACCURACY -> accuracyMeters = value;
            case HDOP -> hdop = value;
            case VEHICLE -> vehicleId = numberText(value);
            case VALID -> valid = value != 0;
            case DATE -> throw new MalformedRecordException("a date must be text, got " + value);
        }
    }

    /** Checks the record and hands it on; a record without time or position is malformed. */
    void emit(PointSink sink, long line, ReadCounts counts) throws MalformedRecordException {
        if (timeText != null && !timeText.isBlank()) {
            String t = timeText.strip();
            boolean timeOfDayOnly = t.length() >= 5 && t.charAt(2) == ':';
            time = timeOfDayOnly && dateText != null && !dateText.isBlank()
                    ? timestamps.parse(dateText.strip() + "T" + t) : timestamps.parse(t);
        }
        if (Double.isNaN(time)) {
            throw new MalformedRecordException("no time");
        }
        if (Double.isNaN(lat) || Double.isNaN(lon)) {
            throw new MalformedRecordException("no position");
        }
        if (!valid) {
            counts.invalidFixes++;
            return;
        }
        double accuracy = !Double.isNaN(accuracyMeters) ? accuracyMeters
                : Double.isNaN(hdop) ? Double.NaN : hdop * config.hdopUereMeters();
        sink.point(vehicleId, time, lat, lon, (float) speedMps, (float) headingDeg, (float) accuracy, line);
    }

    private static double number(String text, String what) throws MalformedRecordException {
        try {
            return DecimalParser.parse(text.strip());
        } catch (NumberFormatException e) {
            throw new MalformedRecordException("bad " + what + " '" + text + "'");
        }
    }

    private static double optionalNumber(String text, FieldName field) throws MalformedRecordException {
        String s = text.strip();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return DecimalParser.parse(s);
        } catch (NumberFormatException e) {
            throw new MalformedRecordException("bad " + field.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + " '" + text + "'");
        }
    }

    private static String numberText(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
