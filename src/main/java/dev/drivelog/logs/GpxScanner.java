package dev.drivelog.logs;

/**
 * Reads the track points of a GPX log outside Java: the native library's scanner
 * ({@code drivelog_gpx_scan}, bound by {@code analysis.ffm.NativeGpxScanner}), given to the
 * {@link TripReader} when the library is loaded in-process. It takes the document unit by unit (a
 * tag, a text run, a comment, a whole trkpt) only where Aalto would accept it and the values are
 * exactly what {@link GpxLogParser} makes of it, and stops for good before anything else, never inside
 * a trkpt; the reader then hands Aalto the open start tags ({@link Scan#replay()}), the unread bytes
 * and the rest of the input ({@link ScannedGpxPoints}). Implementations are thread safe; each
 * document starts its own scan.
 */
public interface GpxScanner {
    /** No complete unit is left in the text: scan again with more. */
    int STOP_MORE = 0;
    /** The columns are full. */
    int STOP_FULL = 1;
    /** Stopped for good: the rest of the document is Aalto's. */
    int STOP_HAND_BACK = 2;
    /** An entry that is a point (every column set, NaN where not given). */
    byte POINT = 1;
    /** An entry that is a {@code </trkseg>} or {@code </trk>} (with logs.split_gpx_segments). */
    byte BOUNDARY = 2;

    /** The scan of one document from its first byte, with this layout, into these columns. */
    Scan start(GpxScanLayout layout, GpxScanColumns columns);

    /** One document's scan and its state between calls. */
    interface Scan {
        /**
         * Scans {@code bytes[from, to)}, the input from where the last call stopped; the columns then
         * say how many entries and bytes were taken. Returns a {@code STOP_*} code.
         */
        int scan(byte[] bytes, int from, int to);

        /** The line ends before the position scanned to: what Aalto's lines are offset by after it. */
        long lineBreaks();

        /** The open elements' start tags at the position scanned to, on one line, for Aalto to read first. */
        byte[] replay();
    }
}
