package dev.drivelog.logs;

import dev.drivelog.config.LogsConfig;
import dev.drivelog.config.SpeedUnit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * NMEA 0183 as GPS receivers log it. A receiver sends one burst of sentences per fix (an epoch):
 * RMC (date, time, position, speed in knots, course, status A/V), GGA (time, position, fix quality,
 * HDOP; no date), VTG (course, speed in km/h; no time). Sentences are merged by time of day into one
 * point per epoch; VTG joins the epoch it follows. Any talker is accepted; other sentence types are
 * ignored. A fix marked invalid (RMC status V, RMC mode N, GGA quality 0) is dropped and counted.
 * The date comes from RMC; an epoch without RMC takes the last RMC date, moved on a day when the
 * time of day wraps past midnight; fixes before any date is known are dropped and counted.
 * Several sentences glued on one line (a cut-off line followed by the next) are read separately.
 * An ASCII line is read where it lies in the reader's buffer (NmeaSentenceBytes, NmeaFieldBytes);
 * whatever that path cannot reproduce exactly (a bad checksum, a field that would throw or need
 * Double.parseDouble, a byte outside ASCII) is read from its decoded text, the reader's original path
 * and its messages (docs/ARCHITECTURE.md, "NMEA read in place"). With a native scanner, the common
 * lines' sentences are decoded outside Java into rows, which go through the same epoch assembly as the
 * byte path's ({@link ScannedNmeaLines}; docs/ARCHITECTURE.md, "NMEA read natively").
 */
final class NmeaLogParser implements LogParser {
    private static final double SECONDS_PER_DAY = 86_400;

    private final LogsConfig config;
    private final ReadCounts counts;
    /** Sentences read where they lie in the reader's buffer (false: every line decoded, the reference for tests). */
    private final boolean byteLevel;
    private final NmeaSentenceBytes bytes = new NmeaSentenceBytes();
    /** Decodes the common lines' sentences natively (with {@link #byteLevel} only), or null. */
    private final NmeaSentenceScanner scanner;
    // A sentence's position decoded from its bytes, before anything is changed.
    private double pendingLat;
    private double pendingLon;

    // The epoch being assembled.
    private double epochTimeOfDay = Double.NaN;
    private long epochLine;
    private boolean hasPosition;
    private double lat;
    private double lon;
    private long epochDay = Long.MIN_VALUE;
    private boolean invalid;
    private double speedMps;
    private double headingDeg;
    private double hdop;

    // The last date known, for epochs without RMC.
    private long lastDay = Long.MIN_VALUE;
    private double lastTimeOfDay = Double.NaN;
    private boolean undatedReported;

    NmeaLogParser(LogsConfig config, ReadCounts counts) {
        this(config, counts, true);
    }

    NmeaLogParser(LogsConfig config, ReadCounts counts, boolean byteLevel) {
        this(config, counts, byteLevel, null);
    }

    NmeaLogParser(LogsConfig config, ReadCounts counts, NmeaSentenceScanner scanner) {
        this(config, counts, true, scanner);
    }

    private NmeaLogParser(LogsConfig config, ReadCounts counts, boolean byteLevel, NmeaSentenceScanner scanner) {
        this.config = config;
        this.counts = counts;
        this.byteLevel = byteLevel;
        this.scanner = byteLevel ? scanner : null;
        clearEpoch();
    }

    @Override
    public void parse(InputStream in, PointSink sink) throws IOException {
        LineReader lines = new LineReader(in, config.maxLineBytes(), counts);
        ScannedNmeaLines scanned = ScannedNmeaLines.of(scanner);
        ScannedNmeaLines.Rows rows = (columns, count, firstLine) -> scannedRows(columns, count, firstLine, sink);
        while (true) {
            if (scanned != null) {
                scanned.readWaitingLines(lines, rows); // then the line it stopped before, or the next buffer's first, is read here
            }
            if (!lines.advance()) {
                break;
            }
            if (!byteLevel || !lineInBuffer(lines, sink)) {
                line(lines.text(), lines.lineNumber(), sink);
            }
        }
        flush(sink);
    }

    /** The native scanner's rows, through the byte path's epoch assembly (it took only what that path takes). */
    private void scannedRows(NmeaScanColumns c, int count, long firstLine, PointSink sink) {
        for (int i = 0; i < count; i++) {
            byte flags = c.flags[i];
            boolean notValid = (flags & NmeaSentenceScanner.NOT_VALID) != 0;
            switch (c.sentence[i]) {
                case NmeaSentenceScanner.RMC -> takeRmc(c.timeOfDay[i], c.day[i], notValid, c.lat[i], c.lon[i], c.speed[i],
                        c.course[i], firstLine + c.line[i], sink);
                case NmeaSentenceScanner.GGA -> takeGga(c.timeOfDay[i], notValid, c.lat[i], c.lon[i], c.hdop[i],
                        firstLine + c.line[i], sink);
                default -> {
                    double speed = c.speed[i];
                    boolean kmh = (flags & NmeaSentenceScanner.SPEED_KMH) != 0;
                    boolean knots = (flags & NmeaSentenceScanner.SPEED_KNOTS) != 0;
                    takeVtg(c.course[i], kmh || knots, kmh ? SpeedUnit.KMH.toMps(speed) : SpeedUnit.KNOTS.toMps(speed),
                            notValid);
                }
            }
        }
    }

    /**
     * The current line read where it lies in the buffer: false, having read nothing, when it has a
     * byte outside ASCII or no '$' (blank or not NMEA), which {@link #line} then reads from its text.
     * A sentence {@link NmeaSentenceBytes} or the field readers decline is read from its text, as
     * {@link #line} would cut it ('$' is one byte in UTF-8, so the cut is the same).
     */
    private boolean lineInBuffer(LineReader lines, PointSink sink) {
        byte[] b = lines.buffer();
        int from = lines.lineStart();
        int to = lines.lineEnd();
        int first = -1;
        int dollars = 0;
        for (int i = to - 1; i >= from; i--) {
            byte c = b[i];
            if (c < 0) {
                return false;
            }
            if (c == '$') {
                first = i;
                dollars++;
            }
        }
        if (first < 0) {
            return false;
        }
        long lineNumber = lines.lineNumber();
        int start = first;
        while (start >= 0) {
            int next = -1;
            if (--dollars > 0) { // glued sentences: find where the next one starts
                for (int i = start + 1; i < to; i++) {
                    if (b[i] == '$') {
                        next = i;
                        break;
                    }
                }
            }
            int end = next < 0 ? to : next;
            if (!bytes.parse(b, start, end) || !sentenceInBuffer(bytes, lineNumber, sink)) {
                sentenceText(new String(b, start, end - start, StandardCharsets.ISO_8859_1), lineNumber, sink);
            }
            start = next;
        }
        return true;
    }

    private void line(String line, long lineNumber, PointSink sink) {
        int start = line.indexOf('$');
        if (start < 0) {
            if (!line.isBlank()) {
                counts.malformed(lineNumber, "not an NMEA sentence, line skipped");
            }
            return;
        }
        while (start >= 0) {
            int next = line.indexOf('$', start + 1);
            sentenceText(next < 0 ? line.substring(start) : line.substring(start, next), lineNumber, sink);
            start = next;
        }
    }

    private void sentenceText(String text, long lineNumber, PointSink sink) {
        try {
            sentence(NmeaSentence.parse(text.strip()), lineNumber, sink);
        } catch (MalformedRecordException e) {
            counts.malformed(lineNumber, e.getMessage() + ", sentence skipped");
        }
    }

    /**
     * One sentence from its bytes, with the String path's effects in its order: every field it reads
     * is decoded first, and only when all decode is anything changed; false (nothing changed) when a
     * field would have thrown or needs Double.parseDouble, for the String path to read the sentence.
     */
    private boolean sentenceInBuffer(NmeaSentenceBytes s, long line, PointSink sink) {
        return switch (s.type()) {
            case NmeaSentenceBytes.RMC -> rmcInBuffer(s, line, sink);
            case NmeaSentenceBytes.GGA -> ggaInBuffer(s, line, sink);
            case NmeaSentenceBytes.VTG -> vtgInBuffer(s);
            default -> true;
        };
    }

    private boolean rmcInBuffer(NmeaSentenceBytes s, long line, PointSink sink) {
        byte[] b = s.bytes();
        double timeOfDay = NmeaFieldBytes.timeOfDay(b, s.from(0), s.to(0));
        if (Double.isNaN(timeOfDay)) {
            return false;
        }
        long day = NmeaFieldBytes.NO_DAY;
        if (!s.isEmpty(8)) {
            day = NmeaFieldBytes.day(b, s.from(8), s.to(8));
            if (day == NmeaFieldBytes.NO_DAY) {
                return false;
            }
        }
        boolean notValid = !s.is(1, 'A') || s.is(11, 'N');
        if (!positionInBuffer(s, 2)) {
            return false;
        }
        double speed = Double.NaN;
        if (!s.isEmpty(6)) {
            speed = NmeaFieldBytes.number(b, s.from(6), s.to(6));
            if (Double.isNaN(speed)) {
                return false;
            }
        }
        double course = Double.NaN;
        if (!s.isEmpty(7)) {
            course = NmeaFieldBytes.number(b, s.from(7), s.to(7));
            if (Double.isNaN(course)) {
                return false;
            }
        }
        takeRmc(timeOfDay, day, notValid, pendingLat, pendingLon, speed, course, line, sink);
        return true;
    }

    /** An RMC's effects, its fields decoded ({@link NmeaFieldBytes#NO_DAY}, NaN: not given). */
    private void takeRmc(double timeOfDay, long day, boolean notValid, double la, double lo, double knots, double course,
                         long line, PointSink sink) {
        startEpoch(timeOfDay, line, sink);
        if (day != NmeaFieldBytes.NO_DAY) {
            epochDay = day;
        }
        if (notValid) {
            invalid = true;
        }
        takePosition(la, lo);
        if (!Double.isNaN(knots)) {
            speedMps = SpeedUnit.KNOTS.toMps(knots);
        }
        if (!Double.isNaN(course)) {
            headingDeg = course;
        }
    }

    private boolean ggaInBuffer(NmeaSentenceBytes s, long line, PointSink sink) {
        byte[] b = s.bytes();
        double timeOfDay = NmeaFieldBytes.timeOfDay(b, s.from(0), s.to(0));
        if (Double.isNaN(timeOfDay)) {
            return false;
        }
        boolean notValid = s.isEmpty(5) || s.is(5, '0');
        if (!positionInBuffer(s, 1)) {
            return false;
        }
        double dilution = Double.NaN;
        if (!s.isEmpty(7)) {
            dilution = NmeaFieldBytes.number(b, s.from(7), s.to(7));
            if (Double.isNaN(dilution)) {
                return false;
            }
        }
        takeGga(timeOfDay, notValid, pendingLat, pendingLon, dilution, line, sink);
        return true;
    }

    /** A GGA's effects, its fields decoded (NaN: not given). */
    private void takeGga(double timeOfDay, boolean notValid, double la, double lo, double dilution, long line,
                         PointSink sink) {
        startEpoch(timeOfDay, line, sink);
        if (notValid) {
            invalid = true;
        }
        takePosition(la, lo);
        if (!Double.isNaN(dilution)) {
            hdop = dilution;
        }
    }

    private boolean vtgInBuffer(NmeaSentenceBytes s) {
        if (Double.isNaN(epochTimeOfDay)) {
            return true; // no epoch to join: the String path reads no field either
        }
        byte[] b = s.bytes();
        double course = Double.NaN;
        if (!s.isEmpty(0) && Double.isNaN(headingDeg)) {
            course = NmeaFieldBytes.number(b, s.from(0), s.to(0));
            if (Double.isNaN(course)) {
                return false;
            }
        }
        double speed = Double.NaN;
        if (!s.isEmpty(6)) {
            double kmh = NmeaFieldBytes.number(b, s.from(6), s.to(6));
            if (Double.isNaN(kmh)) {
                return false;
            }
            speed = SpeedUnit.KMH.toMps(kmh);
        } else if (!s.isEmpty(4)) {
            double knots = NmeaFieldBytes.number(b, s.from(4), s.to(4));
            if (Double.isNaN(knots)) {
                return false;
            }
            speed = SpeedUnit.KNOTS.toMps(knots);
        }
        takeVtg(course, !s.isEmpty(6) || !s.isEmpty(4), speed, s.is(8, 'N'));
        return true;
    }

    /**
     * A VTG's effects: the course (NaN: not given) where the epoch has none yet, the speed when a
     * speed field is given, the mode; nothing without an epoch to join.
     */
    private void takeVtg(double course, boolean hasSpeed, double speed, boolean modeN) {
        if (Double.isNaN(epochTimeOfDay)) {
            return;
        }
        if (!Double.isNaN(course) && Double.isNaN(headingDeg)) {
            headingDeg = course;
        }
        if (hasSpeed) {
            speedMps = speed;
        }
        if (modeN) {
            invalid = true;
        }
    }

    /**
     * {@link #position}'s checks for fields {@code at..at+3} into {@link #pendingLat}/{@link #pendingLon}
     * (NaN: no fix, the fields empty); false where {@link #position} would throw.
     */
    private boolean positionInBuffer(NmeaSentenceBytes s, int at) {
        pendingLat = Double.NaN;
        pendingLon = Double.NaN;
        if (s.isEmpty(at) || s.isEmpty(at + 2)) {
            return true;
        }
        byte[] b = s.bytes();
        double la = NmeaFieldBytes.degrees(b, s.from(at), s.to(at), 2);
        double lo = NmeaFieldBytes.degrees(b, s.from(at + 2), s.to(at + 2), 3);
        boolean south = s.is(at + 1, 'S');
        boolean west = s.is(at + 3, 'W');
        if (Double.isNaN(la) || Double.isNaN(lo) || !(s.is(at + 1, 'N') || south) || !(s.is(at + 3, 'E') || west)) {
            return false;
        }
        pendingLat = south ? -la : la;
        pendingLon = west ? -lo : lo;
        return true;
    }

    /** The epoch's position, unless it has one: the first sentence's with a fix wins. */
    private void takePosition(double la, double lo) {
        if (!Double.isNaN(la) && !hasPosition) {
            hasPosition = true;
            lat = la;
            lon = lo;
        }
    }

    private void sentence(NmeaSentence s, long line, PointSink sink) throws MalformedRecordException {
        switch (s.type()) {
            case "RMC" -> rmc(s, line, sink);
            case "GGA" -> gga(s, line, sink);
            case "VTG" -> vtg(s);
            default -> { } // GSA, GSV, proprietary ...: no position
        }
    }

    private void rmc(NmeaSentence s, long line, PointSink sink) throws MalformedRecordException {
        double timeOfDay = timeOfDay(s.field(0));
        startEpoch(timeOfDay, line, sink);
        String date = s.field(8);
        if (!date.isEmpty()) {
            epochDay = day(date);
        }
        if (!"A".equals(s.field(1)) || "N".equals(s.field(11))) {
            invalid = true;
        }
        position(s.field(2), s.field(3), s.field(4), s.field(5));
        if (!s.field(6).isEmpty()) {
            speedMps = SpeedUnit.KNOTS.toMps(number(s.field(6), "speed"));
        }
        if (!s.field(7).isEmpty()) {
            headingDeg = number(s.field(7), "course");
        }
    }

    private void gga(NmeaSentence s, long line, PointSink sink) throws MalformedRecordException {
        double timeOfDay = timeOfDay(s.field(0));
        startEpoch(timeOfDay, line, sink);
        String quality = s.field(5);
        if (quality.isEmpty() || quality.equals("0")) {
            invalid = true;
        }
        position(s.field(1), s.field(2), s.field(3), s.field(4));
        if (!s.field(7).isEmpty()) {
            hdop = number(s.field(7), "HDOP");
        }
    }

    private void vtg(NmeaSentence s) throws MalformedRecordException {
        if (Double.isNaN(epochTimeOfDay)) {
            return; // no epoch to join
        }
        if (!s.field(0).isEmpty() && Double.isNaN(headingDeg)) {
            headingDeg = number(s.field(0), "course");
        }
        if (!s.field(6).isEmpty()) {
            speedMps = SpeedUnit.KMH.toMps(number(s.field(6), "speed"));
        } else if (!s.field(4).isEmpty()) {
            speedMps = SpeedUnit.KNOTS.toMps(number(s.field(4), "speed"));
        }
        if ("N".equals(s.field(8))) {
            invalid = true;
        }
    }

    /** A sentence with a new time of day ends the epoch before it. */
    private void startEpoch(double timeOfDay, long line, PointSink sink) {
        if (!Double.isNaN(epochTimeOfDay) && timeOfDay != epochTimeOfDay) {
            flush(sink);
        }
        if (Double.isNaN(epochTimeOfDay)) {
            epochTimeOfDay = timeOfDay;
            epochLine = line;
        }
    }

    private void position(String latText, String ns, String lonText, String ew) throws MalformedRecordException {
        if (latText.isEmpty() || lonText.isEmpty()) {
            return; // no fix yet: receivers leave the fields empty
        }
        double la = degrees(latText, 2, "latitude");
        double lo = degrees(lonText, 3, "longitude");
        if (!(ns.equals("N") || ns.equals("S")) || !(ew.equals("E") || ew.equals("W"))) {
            throw new MalformedRecordException("bad hemisphere '" + ns + "'/'" + ew + "'");
        }
        if (!hasPosition) {
            hasPosition = true;
            lat = ns.equals("S") ? -la : la;
            lon = ew.equals("W") ? -lo : lo;
        }
    }

    private void flush(PointSink sink) {
        if (Double.isNaN(epochTimeOfDay)) {
            return;
        }
        long day = epochDay;
        if (day == Long.MIN_VALUE && lastDay != Long.MIN_VALUE) {
            // No RMC in this epoch: continue the last date, a day on if the clock wrapped past midnight.
            day = epochTimeOfDay < lastTimeOfDay - SECONDS_PER_DAY / 2 ? lastDay + 1 : lastDay;
        }
        if (day != Long.MIN_VALUE) {
            lastDay = day;
            lastTimeOfDay = epochTimeOfDay;
        }
        if (hasPosition) {
            if (invalid) {
                counts.invalidFixes++;
            } else if (day == Long.MIN_VALUE) {
                counts.undatedFixes++;
                if (!undatedReported) {
                    undatedReported = true;
                    counts.problem(epochLine, "fixes before the first RMC sentence have no date, dropped");
                }
            } else {
                double accuracy = Double.isNaN(hdop) ? Double.NaN : hdop * config.hdopUereMeters();
                sink.point("", day * SECONDS_PER_DAY + epochTimeOfDay, lat, lon, (float) speedMps, (float) headingDeg,
                        (float) accuracy, epochLine);
            }
        }
        clearEpoch();
    }

    private void clearEpoch() {
        epochTimeOfDay = Double.NaN;
        hasPosition = false;
        epochDay = Long.MIN_VALUE;
        invalid = false;
        speedMps = Double.NaN;
        headingDeg = Double.NaN;
        hdop = Double.NaN;
    }

    /** hhmmss[.sss] to seconds of the day. */
    private static double timeOfDay(String text) throws MalformedRecordException {
        if (text.length() < 6) {
            throw new MalformedRecordException("bad NMEA time '" + text + "'");
        }
        int h = twoDigits(text, 0, "time");
        int m = twoDigits(text, 2, "time");
        double s = number(text.substring(4), "time");
        if (h > 23 || m > 59 || !(s >= 0 && s < 61)) {
            throw new MalformedRecordException("bad NMEA time '" + text + "'");
        }
        return h * 3600 + m * 60 + s;
    }

    /** ddmmyy to days since the epoch; two-digit years are 1980-2079 (GPS began in 1980). */
    private static long day(String text) throws MalformedRecordException {
        if (text.length() != 6) {
            throw new MalformedRecordException("bad NMEA date '" + text + "'");
        }
        int d = twoDigits(text, 0, "date");
        int mo = twoDigits(text, 2, "date");
        int y = twoDigits(text, 4, "date");
        if (d < 1 || d > 31 || mo < 1 || mo > 12) {
            throw new MalformedRecordException("bad NMEA date '" + text + "'");
        }
        return TimestampParser.daysFromCivil(y < 80 ? 2000 + y : 1900 + y, mo, d);
    }

    /** (d)ddmm.mmmm to degrees. */
    private static double degrees(String text, int degreeDigits, String what) throws MalformedRecordException {
        if (text.length() < degreeDigits + 2) {
            throw new MalformedRecordException("bad NMEA " + what + " '" + text + "'");
        }
        double deg = number(text.substring(0, degreeDigits), what);
        double min = number(text.substring(degreeDigits), what);
        if (!(min >= 0 && min < 60)) {
            throw new MalformedRecordException("bad NMEA " + what + " '" + text + "'");
        }
        return deg + min / 60;
    }

    private static int twoDigits(String text, int at, String what) throws MalformedRecordException {
        char a = text.charAt(at);
        char b = text.charAt(at + 1);
        if (a < '0' || a > '9' || b < '0' || b > '9') {
            throw new MalformedRecordException("bad NMEA " + what + " '" + text + "'");
        }
        return (a - '0') * 10 + (b - '0');
    }

    private static double number(String text, String what) throws MalformedRecordException {
        try {
            // Double.parseDouble's value and errors, without its slow path for the plain decimals NMEA is
            // made of (it was a fifth of the reading's CPU).
            return DecimalParser.parse(text);
        } catch (NumberFormatException e) {
            throw new MalformedRecordException("bad NMEA " + what + " '" + text + "'");
        }
    }
}
