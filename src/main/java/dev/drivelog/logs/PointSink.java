package dev.drivelog.logs;

/** Where parsers put the points they read; the trip splitter is the one implementation. */
interface PointSink {
    /**
     * @param vehicleId      the vehicle, or "" when the log names none
     * @param timeSeconds    seconds since the epoch, UTC
     * @param speedMps       NaN when not reported; likewise heading and accuracy
     * @param line           where the point was read, for messages
     */
    void point(String vehicleId, double timeSeconds, double lat, double lon, float speedMps, float headingDeg,
               float accuracyMeters, long line);

    /** The log marks the end of a track (GPX segment): the vehicle's open trip ends here. */
    void boundary(String vehicleId);
}
