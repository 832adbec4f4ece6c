package dev.drivelog.logs;

import dev.drivelog.config.LogsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * GPX 1.0 and 1.1 track points ({@code trk/trkseg/trkpt}: lat, lon, time; hdop), read with StAX so
 * that memory does not grow with the file. Speed (m/s) and course (degrees) come from GPX 1.0's
 * {@code speed}/{@code course} elements or from an extension such as Garmin's TrackPointExtension
 * ({@code gpxtpx:speed}, {@code gpxtpx:course}): any element of that local name inside the trkpt.
 * Routes and waypoints are not drives and are ignored. Each track and segment ends the trip when
 * logs.split_gpx_segments is on. DTDs and external entities are disabled (no XXE).
 *
 * <p>With a {@link GpxScanner} (the native library in-process) the document is read natively up to
 * the first thing the scanner does not take exactly as this class would, and Aalto reads the rest,
 * resumed after a replay of the open start tags, its lines offset to the original ones
 * ({@link ScannedGpxPoints}): the same points, boundaries, counts, lines and messages by construction.
 */
final class GpxLogParser implements LogParser {
    private static final Pattern UNEXPANDED_ENTITY = Pattern.compile("General entity reference \\((&[^)]*;)\\) encountered");

    private final LogsConfig config;
    private final ReadCounts counts;
    private final PointRecord record;
    private final GpxScanner scanner;
    /** Added to every line Aalto reports: the lines the scanner read before handing back. */
    private long lineOffset;

    GpxLogParser(LogsConfig config, ReadCounts counts) {
        this(config, counts, null);
    }

    /** @param scanner reads the document natively up to a safe point, or null to read it all with Aalto */
    GpxLogParser(LogsConfig config, ReadCounts counts, GpxScanner scanner) {
        this.config = config;
        this.counts = counts;
        this.record = new PointRecord(config);
        this.scanner = scanner;
    }

    /**
     * FasterXML's Aalto, named rather than whichever StAX parser the class path offers, so that
     * behaviour and messages are the same in tests, the CLI and the image. Under C1, as the launcher
     * runs {@code analyze}, it reads the fleet benchmark's GPX in half the JDK's parser's CPU
     * (docs/BENCHMARKS.md, "GPX read by Aalto"). It never resolves external entities.
     */
    static XMLInputFactory secureFactory() {
        XMLInputFactory factory = new com.fasterxml.aalto.stax.InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static void trySet(XMLInputFactory factory, String property, Object value) {
        try {
            factory.setProperty(property, value);
        } catch (IllegalArgumentException e) {
            // Not every StAX implementation knows it; DTD support is off anyway.
        }
    }

    @Override
    public void parse(InputStream in, PointSink sink) throws IOException, UnreadableLogException {
        XMLStreamReader xml = null;
        long pointsBefore = counts.pointsRead + counts.malformedLines;
        try {
            InputStream limited = new MarkupRunLimitInputStream(in, config.maxLineBytes());
            if (scanner != null) {
                ScannedGpxPoints.HandBack rest = ScannedGpxPoints.read(scanner, config, limited, sink, counts);
                limited = rest.rest();
                lineOffset = rest.lineOffset();
            }
            xml = new XmlParserFaults(secureFactory().createXMLStreamReader(limited));
            readDocument(xml, sink);
        } catch (XMLStreamException e) {
            if (e.getCause() instanceof IOException io && !(io instanceof java.io.CharConversionException)) {
                throw io; // from the stream (limits, truncation, network); bad bytes in the text are an XML error
            }
            long line = e.getLocation() != null ? e.getLocation().getLineNumber() : 0;
            line = line > 0 ? line + lineOffset : line;
            if (counts.pointsRead + counts.malformedLines == pointsBefore) {
                throw new UnreadableLogException(counts.inputName, (line > 0 ? "line " + line + ": " : "")
                        + "not readable as GPX: " + firstLine(e.getMessage()), e);
            }
            counts.truncated = true;
            counts.problem(line, "XML error, the rest of the file is skipped: " + firstLine(e.getMessage()));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // Closing a reader over a broken document may fail again; the input stream is the caller's.
                }
            }
        }
    }

    private void readDocument(XMLStreamReader xml, PointSink sink) throws XMLStreamException, UnreadableLogException {
        boolean rootSeen = false;
        boolean inPoint = false;
        long pointLine = 0;
        String pointProblem = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (!rootSeen) {
                    rootSeen = true;
                    if (!name.equals("gpx")) {
                        throw new UnreadableLogException(counts.inputName, "XML root element is <" + name
                                + ">, not <gpx>: not a GPX file");
                    }
                    continue;
                }
                if (name.equals("trkpt")) {
                    inPoint = true;
                    pointLine = line(xml);
                    record.reset();
                    pointProblem = null;
                    try {
                        record.set(FieldName.LAT, attribute(xml, "lat"), config.speedUnit());
                        record.set(FieldName.LON, attribute(xml, "lon"), config.speedUnit());
                    } catch (MalformedRecordException e) {
                        pointProblem = e.getMessage();
                    }
                } else if (inPoint) {
                    FieldName field = switch (name) {
                        case "time" -> FieldName.TIME;
                        case "speed" -> FieldName.SPEED_MPS;
                        case "course" -> FieldName.HEADING;
                        case "hdop" -> FieldName.HDOP;
                        default -> null;
                    };
                    if (field != null) {
                        String text = xml.getElementText();
                        try {
                            record.set(field, text, config.speedUnit());
                        } catch (MalformedRecordException e) {
                            pointProblem = pointProblem == null ? e.getMessage() : pointProblem;
                        }
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("trkpt") && inPoint) {
                    inPoint = false;
                    counts.lines = line(xml);
                    try {
                        if (pointProblem != null) {
                            throw new MalformedRecordException(pointProblem);
                        }
                        record.emit(sink, pointLine, counts);
                    } catch (MalformedRecordException e) {
                        counts.malformed(pointLine, "trkpt " + e.getMessage() + ", point skipped");
                    }
                } else if ((name.equals("trkseg") || name.equals("trk")) && config.splitGpxSegments()) {
                    sink.boundary("");
                }
            }
        }
        counts.lines = Math.max(counts.lines, line(xml));
    }

    /** The current event's line in the original input. */
    private long line(XMLStreamReader xml) {
        return xml.getLocation().getLineNumber() + lineOffset;
    }

    private static String attribute(XMLStreamReader xml, String name) throws MalformedRecordException {
        String value = xml.getAttributeValue(null, name);
        if (value == null) {
            throw new MalformedRecordException("without " + name + " attribute");
        }
        return value;
    }

    /**
     * The parser's own words, without the position Aalto appends on a second line (the line is
     * reported separately); its words for an entity it will not expand are put plainly.
     */
    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String text = (newline < 0 ? message : message.substring(0, newline)).strip();
        // Aalto: "General entity reference (&secret;) encountered in entity expanding mode: operation
        // not (yet) implemented". No DTD is read, so an entity other than XML's five is never declared.
        Matcher entity = UNEXPANDED_ENTITY.matcher(text);
        return entity.lookingAt() ? "entity " + entity.group(1) + " is not declared (DTDs are not read)" : text;
    }

}
