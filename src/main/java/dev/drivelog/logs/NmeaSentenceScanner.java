package dev.drivelog.logs;

/**
 * Reads the sentences of the common lines of an NMEA log outside Java: the native library's scanner
 * ({@code drivelog_nmea_scan}, bound by {@code analysis.ffm.NativeNmeaScanner}), given to the
 * {@link TripReader} when the library is loaded in-process. It decodes each RMC, GGA and VTG sentence
 * of a line into a row of {@link NmeaScanColumns} only when every field the {@link NmeaLogParser}
 * could read is exactly what its byte path makes of it (whatever the epoch's state); at any other
 * line it stops before it and the parser reads that line itself, so messages stay the parser's. The
 * epochs are assembled in Java from the rows. The stop codes are {@link CsvLineScanner}'s.
 * Implementations are thread safe; each read starts its own batch.
 */
public interface NmeaSentenceScanner {
    /** Sentence types in {@link NmeaScanColumns#sentence}. */
    byte RMC = 1;
    byte GGA = 2;
    byte VTG = 3;

    /** RMC status not A or mode N; GGA quality empty or 0; VTG mode N. */
    byte NOT_VALID = 1;
    /** VTG: the speed is its km/h field. */
    byte SPEED_KMH = 2;
    /** VTG: the speed is its knots field (an RMC's speed is always knots). */
    byte SPEED_KNOTS = 4;

    /** The scans of one read, into these columns. */
    CsvLineScanner.Batch start(NmeaScanColumns columns);
}
