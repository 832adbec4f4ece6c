package dev.drivelog.logs;

import java.util.List;

/**
 * What reading one drive log did: sizes, counts of points and trips, and every kind of skipped or
 * cleaned data, with the first few problems described by file and line.
 *
 * @param inputName           the input's name as given to the reader
 * @param format              csv, jsonl, nmea or gpx
 * @param compression         none or gzip
 * @param inputBytes          bytes read as stored
 * @param decodedBytes        bytes after decompression
 * @param lines               lines read (for GPX: the last line reached)
 * @param pointsRead          points parsed from well-formed records (before cleaning)
 * @param pointsInTrips       points handed on in trips
 * @param trips               trips handed on
 * @param malformedLines      lines or records skipped as unreadable (includes oversized lines)
 * @param oversizedLines      lines skipped for exceeding logs.max_line_bytes
 * @param invalidFixes        points the receiver marked invalid (NMEA status V, fix quality 0, Traccar valid=false)
 * @param undatedFixes        NMEA fixes before any date was known (GGA before the first RMC)
 * @param invalidCoordinates  points with NaN or out-of-range coordinates, or at 0,0
 * @param duplicateTimestamps points dropped for repeating a vehicle's timestamp
 * @param reorderedPoints     late points sorted into place within logs.reorder_window_points
 * @param outOfOrderDropped   points too late to sort in, dropped
 * @param spikesDropped       isolated position jumps (faster than logs.max_speed_kmh) dropped
 * @param jumpSplits          trips split at a position jump followed by consistent points
 * @param maxPointSplits      trips split at logs.max_points_per_trip
 * @param tripsClosedEarly    trips closed early to bound memory (logs.max_open_trips, logs.max_buffered_points)
 * @param shortTrips          trips dropped for having fewer than logs.min_points_per_trip points
 * @param pointsInShortTrips  points in those trips
 * @param truncated           the input ended early (truncated or corrupt compression); what came before was read
 * @param problems            the first problems, each naming the input and, where known, the line
 */
public record ReadReport(
        String inputName,
        String format,
        String compression,
        long inputBytes,
        long decodedBytes,
        long lines,
        long pointsRead,
        long pointsInTrips,
        int trips,
        long malformedLines,
        long oversizedLines,
        long invalidFixes,
        long undatedFixes,
        long invalidCoordinates,
        long duplicateTimestamps,
        long reorderedPoints,
        long outOfOrderDropped,
        long spikesDropped,
        long jumpSplits,
        long maxPointSplits,
        long tripsClosedEarly,
        long shortTrips,
        long pointsInShortTrips,
        boolean truncated,
        List<String> problems) {

    public ReadReport {
        problems = List.copyOf(problems);
    }

    /** Points read but not handed on in any trip. */
    public long pointsDropped() {
        return pointsRead - pointsInTrips;
    }

    /** One line for logs, e.g. {@code fleet.csv: csv, 12 trips, 4 000 points, 3 malformed lines, ...}. */
    public String summary() {
        StringBuilder text = new StringBuilder(inputName).append(": ").append(format)
                .append("gzip".equals(compression) ? "+gzip" : "")
                .append(", ").append(trips).append(" trips, ").append(pointsInTrips).append(" of ")
                .append(pointsRead).append(" points kept");
        append(text, malformedLines, "malformed lines");
        append(text, invalidFixes, "invalid fixes");
        append(text, undatedFixes, "undated fixes");
        append(text, invalidCoordinates, "impossible coordinates");
        append(text, duplicateTimestamps, "duplicate timestamps");
        append(text, reorderedPoints, "reordered points");
        append(text, outOfOrderDropped, "out-of-order points dropped");
        append(text, spikesDropped, "position spikes dropped");
        append(text, jumpSplits, "splits at position jumps");
        append(text, tripsClosedEarly, "trips closed early (memory bound)");
        append(text, shortTrips, "short trips dropped");
        if (truncated) {
            text.append(", input truncated");
        }
        return text.toString();
    }

    private static void append(StringBuilder text, long count, String what) {
        if (count > 0) {
            text.append(", ").append(count).append(' ').append(what);
        }
    }
}
