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
    private final VehicleIds vehicleIds;

    String vehicleId;
    /**
     * Time as text, parsed at {@link #emit} so that a date column may come before or after it. May be a
     * view of the reader's buffer ({@link AsciiText}): valid until the next record.
     */
    CharSequence timeText;
    CharSequence dateText;
    double time;
    double lat;
    double lon;
    double speedMps;
    double headingDeg;
    double accuracyMeters;
    double hdop;
    boolean valid;

    PointRecord(LogsConfig config) {
        this(config, new VehicleIds());
    }

    /** @param vehicleIds where vehicle ids read as bytes become Strings (one per vehicle, not per point) */
    PointRecord(LogsConfig config, VehicleIds vehicleIds) {
        this.config = config;
        this.timestamps = new TimestampParser(config.timeZone());
        this.vehicleIds = vehicleIds;
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

    /**
     * Sets the field's value from text; empty optional values stay unset. The text may be a view of a
     * buffer ({@link AsciiText}); only time and date keep it, until {@link #emit}.
     */
    void set(FieldName field, CharSequence text, SpeedUnit plainSpeedUnit) throws MalformedRecordException {
        switch (field) {
            case TIME -> timeText = text;
            case DATE -> dateText = text;
            case LAT -> lat = number(text, "latitude");
            case LON -> lon = number(text, "longitude");
            case VEHICLE -> vehicleId = text instanceof AsciiText bytes ? vehicleIds.of(bytes) : text.toString().strip();
            case VALID -> valid = !isFalse(text);
            default -> setNumber(field, optionalNumber(text, field), plainSpeedUnit);
        }
    }

    /** "false" in any case, or "0", blanks around it ignored. */
    private static boolean isFalse(CharSequence text) {
        int start = Blanks.start(text);
        int end = Blanks.end(text, start);
        int n = end - start;
        if (n == 1) {
            return text.charAt(start) == '0';
        }
        if (n != 5) {
            return false;
        }
        for (int i = 0; i < 5; i++) {
            char c = text.charAt(start + i);
            if (Character.toLowerCase(c) != "false".charAt(i) && Character.toUpperCase(c) != "FALSE".charAt(i)) {
                return false;
            }
        }
        return true;
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
        if (timeText != null && !Blanks.isBlank(timeText)) {
            int start = Blanks.start(timeText);
            boolean timeOfDayOnly = Blanks.end(timeText, start) - start >= 5 && timeText.charAt(start + 2) == ':';
            time = timeOfDayOnly && dateText != null && !Blanks.isBlank(dateText)
                    ? timestamps.parse(Blanks.strip(dateText) + "T" + Blanks.strip(timeText)) : timestamps.parse(timeText);
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

    private static double number(CharSequence text, String what) throws MalformedRecordException {
        int start = Blanks.start(text);
        try {
            return DecimalParser.parse(text, start, Blanks.end(text, start));
        } catch (NumberFormatException e) {
            throw new MalformedRecordException("bad " + what + " '" + text + "'");
        }
    }

    private static double optionalNumber(CharSequence text, FieldName field) throws MalformedRecordException {
        int start = Blanks.start(text);
        int end = Blanks.end(text, start);
        if (start == end) {
            return Double.NaN;
        }
        try {
            return DecimalParser.parse(text, start, end);
        } catch (NumberFormatException e) {
            throw new MalformedRecordException("bad " + field.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + " '" + text + "'");
        }
    }

    private static String numberText(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
