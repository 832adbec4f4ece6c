package dev.drivelog.job;

import dev.drivelog.config.LogsConfig;
import dev.drivelog.logs.CsvLineScanner;
import dev.drivelog.logs.GpxScanner;
import dev.drivelog.logs.JsonLinesScanner;
import dev.drivelog.logs.NmeaSentenceScanner;
import dev.drivelog.logs.LogFormat;
import dev.drivelog.logs.ReadReport;
import dev.drivelog.logs.TripReader;
import dev.drivelog.logs.UnreadableLogException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The drive-log readers of {@code dev.drivelog.logs} as a {@link TripSource}: an unreadable input
 * becomes an {@link InputRejectedException}; the reader's report becomes the problems (a one-line
 * account first when anything was skipped or cleaned, then the first problems by line).
 */
public final class LogsTripSource implements TripSource {
    private final TripReader reader;
    private final LogFormat format;

    /** @param format the format to assume, or null to take {@code logs.format} (detection when {@code auto}) */
    public LogsTripSource(LogsConfig config, LogFormat format) {
        this(config, format, null, null);
    }

    /**
     * @param csvScanner       the native CSV line scanner, or null
     * @param jsonLinesScanner the native JSON Lines scanner, or null (see
     *                         {@link TripReader#TripReader(LogsConfig, CsvLineScanner, JsonLinesScanner)})
     */
    public LogsTripSource(LogsConfig config, LogFormat format, CsvLineScanner csvScanner,
                          JsonLinesScanner jsonLinesScanner) {
        this(config, format, csvScanner, jsonLinesScanner, null, null);
    }

    /**
     * @param gpxScanner  the native GPX scanner, or null (see {@link TripReader})
     * @param nmeaScanner the native NMEA sentence scanner, or null
     */
    public LogsTripSource(LogsConfig config, LogFormat format, CsvLineScanner csvScanner,
                          JsonLinesScanner jsonLinesScanner, GpxScanner gpxScanner, NmeaSentenceScanner nmeaScanner) {
        this.reader = new TripReader(config, csvScanner, jsonLinesScanner, gpxScanner, nmeaScanner);
        this.format = format;
    }

    @Override
    public ReadResult read(String name, InputStream input, Trips trips) throws IOException, InputRejectedException {
        ReadReport report;
        try {
            report = format == null ? reader.read(name, input, trips::accept) : reader.read(name, input, format, trips::accept);
        } catch (UnreadableLogException e) {
            throw new InputRejectedException(e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        if (report.pointsDropped() > 0 || report.malformedLines() > 0 || report.truncated()) {
            problems.add(report.summary());
        }
        problems.addAll(report.problems());
        return new ReadResult(report.pointsRead(), problems);
    }
}
