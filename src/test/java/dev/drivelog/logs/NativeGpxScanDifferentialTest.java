package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.analysis.ffm.NativeGpxScanner;
import dev.drivelog.config.LogsConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The GPX reader with the native scanner reads every text exactly as Aalto alone: the same calls to
 * the sink (every value's bits, line numbers), the same counts, lines and messages. Texts are
 * fleet-like documents (GPX 1.0 and 1.1 with Garmin's TrackPointExtension, attribute order, quotes
 * and white space, CRLF and lone CR, a BOM, Japanese names) with every construct the scanner must
 * take exactly or leave to Aalto put in at random places, read whole, in random chunk sizes, split
 * at every byte and cut short; the scanner is checked to have read most points of the clean ones.
 */
class NativeGpxScanDifferentialTest {
    private static final List<LogsConfig> CONFIGS = List.of(
            LogsConfig.DEFAULTS,
            Reads.config("split_gpx_segments: true\nhdop_uere_meters: 3.3"),
            Reads.config("split_gpx_segments: false"),
            Reads.config("time_zone: Europe/Berlin\nsplit_gpx_segments: true"),
            Reads.config("max_line_bytes: 256\nmax_reported_problems: 1000"));

    private static final String GPX11 = "<gpx version=\"1.1\" creator=\"fleet\" xmlns=\"http://www.topografix.com/GPX/1/1\""
            + " xmlns:gpxtpx=\"http://www.garmin.com/xmlschemas/TrackPointExtension/v1\"\n"
            + "  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xsi:schemaLocation=\"http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd\">";
    private static final String GPX10 = "<gpx version='1.0' creator='old' xmlns='http://www.topografix.com/GPX/1/0'>";

    /** Whole points and other units, each something the scanner takes or must leave to Aalto. */
    private static final String[] ODD_UNITS = {
            // taken as they are
            "<trkpt lon=\"10.5\" lat=\"-1\"><time>2026-11-21T08:00:01Z</time></trkpt>",
            "<trkpt lat = '50.1' lon= \"10.2\" ><time> 2026-11-21T08:00:02Z </time><speed></speed><course/></trkpt>",
            "<trkpt\nlat=\"50\"\r\nlon=\"10\"\r><time>2026-11-21T08:00:03.250+01:00</time><hdop>0.9</hdop></trkpt>",
            "<trkpt lat=\"1\" lon=\"2\"><time>1795248000</time><speed>3</speed><speed> </speed></trkpt>",
            "<trkpt lat=\"1\" lon=\"2\"><time>2026-11-21T08:00:04</time></trkpt>",
            "<trkpt lat=\"1\" lon=\"2\"><ele>1</ele><time>2026-11-21T08:00:05Z</time><extensions><ext xmlns=\"urn:x\">"
                    + "<speed>4</speed></ext></extensions></trkpt>",
            "<trkpt lat=\"1\" lon=\"2\" a:lat=\"3\" xmlns:a=\"urn:a\"><time>2026-11-21T08:00:06Z</time></trkpt>",
            "<trkpt lat=\"1\" lon=\"2\"><!-- c --><time>2026-11-21T08:00:07Z</time><name>&amp;&lt;&#38;&#x1F600;</name></trkpt>",
            "<name>日本の車 &amp; more</name>", "<!-- a comment - with a dash -->", "<wpt lat='1' lon='2'><time>x</time></wpt>",
            "<trkseg/>", "<trk><trkseg></trkseg></trk>", "\r\n\r\n", "\r", "<desc>a > b ]] c</desc>",
            // Aalto's
            "<trkpt lat=\"1\" lon=\"2\"><time>2026-11-21T08:00:00Z</time><speed>x</speed></trkpt>",
            "<trkpt lat=\"1\"><time>2026-11-21T08:00:00Z</time></trkpt>",
            "<trkpt lat=\"1\" lon=\"2\"></trkpt>", "<trkpt lat=\"1\" lon=\"2\"/>",
            "<trkpt lat=\"1\" lon=\"2\"><time></time></trkpt>", "<trkpt lat=\"1\" lon=\"2\"><time>yesterday</time></trkpt>",
            "<trkpt lat=\"1\" lon=\"2\" lat=\"3\"><time>2026-11-21T08:00:00Z</time></trkpt>",
            "<trkpt lat=\"1\" lon=\"2\"><time>2026-11-21T08:00:00Z<b/></time></trkpt>",
            "<trkpt lat=\"1\" lon=\"2\"><time>2026-11-21<!-- c -->T08:00:00Z</time></trkpt>",
            "<trkpt lat=\"1\" lon=\"2\"><time><![CDATA[2026-11-21T08:00:00Z]]></time></trkpt>",
            "<trkpt lat=\"1\" lon=\"2\"><time>2026-11-21T08:00:00Z<?pi?></time></trkpt>",
            "<trkpt lat=\"1\" lon=\"2\"><time>2026-11-21T08:00:00&#90;</time></trkpt>",
            "<trkpt lat=\"1\" lon=\"2\"><time>2026-11-21T08:00:00Z</time><x:y/></trkpt>",
            "<trkpt lat=\"1\" lon=\"2\" x:q=\"1\"><time>2026-11-21T08:00:00Z</time></trkpt>",
            "<trkpt lat=\"1\" lon=\"2\"><time>2026-11-21T08:00:00Z</time><trkpt lat=\"3\" lon=\"4\"><time>2026-11-21T08:00:09Z</time></trkpt></trkpt>",
            "<trkpt lat=\"1\" lon=\"2\"><time>2026-11-21T08:00:00Z</time><trkseg/></trkpt>",
            "<trkpt lat=\"1e1\" lon=\"2\"><time>2026-11-21T08:00:00Z</time></trkpt>",
            "<trkpt lat=\"1.12345678901234567890\" lon=\"2\"><time>2026-11-21T08:00:00Z</time></trkpt>",
            "<trkpt lat=\"&#49;\" lon=\"2\"><time>2026-11-21T08:00:00Z</time></trkpt>",
            "<trkpt lat=\"1\" lon=\"2\"><time>2026-11-21T08:00:00Z</tim></trkpt>",
            "<trkpt lat=\"1\" lon=\"2\"><time>2026-11-21T08:00:00Z</time></trkpt", "<trkpt lat=\"1\" lon=\"2\">",
            "<name>a &nbsp; b</name>", "<name>a ]]> b</name>", "<name>\u0001</name>", "<name>a &#0; b</name>",
            "<![CDATA[x]]>", "<?pi x?>", "<?xml version=\"1.0\"?>", "<!-- a -- b -->", "<a b='1'c='2'/>", "<a b='1' b='2'/>",
            "<a b='<'/>", "</trk>", "</gpx>", "</gpx><trk>", "<x:a xmlns:x=''/>", "<xml:a/>", "<a xml:lang='en'/>",
            "<!DOCTYPE gpx>", "<1a/>", "<a:b:c/>", "text & more", "<a>",
            // names and namespaces at the edges of what is taken
            "<xmlfoo/>", "<XML/>", "<a xmlnsfoo='1'/>", "<_a.b-c/>", "<a:b xmlns:a='urn:a' a:c='1' c='2'/>",
            "<a xmlns='http://www.w3.org/XML/1998/namespace'/>", "<a xmlns:b='urn:b' xmlns:b='urn:c'/>",
            "<a xmlns=''/>", "<b:a xmlns:b='urn:b'><b:c/></b:a>", "<b:a xmlns:b='urn:b'></a>", "<a xmlns:b=\"&amp;\"/>",
            "<xmlns:a/>", "<a xmlns:xmlns='urn:x'/>", "<a\tb='1'\r\n/>", "<a b = \"x'y\" c='x\"y'/>",
            "<desc>\uFDD0 \uFFFD \uD83D\uDE00 \u00A0 \u0085 \u2028</desc>", "<desc>&#x85;&#xD7FF;&#xFFFE;</desc>",
            "<desc>&#x7F;</desc>", "<desc>\u007F</desc>", "<desc>&#X41;</desc>", "<desc>&#;</desc>", "<desc>&amp</desc>",
    };

    /** Counts the points the native scanner took, to show that the comparison is not vacuous. */
    private static final class CountingScanner implements GpxScanner {
        private final GpxScanner scanner = NativeGpxScanner.get();
        long points;

        @Override
        public Scan start(GpxScanLayout layout, GpxScanColumns columns) {
            Scan scan = scanner.start(layout, columns);
            return new Scan() {
                @Override
                public int scan(byte[] bytes, int from, int to) {
                    int stop = scan.scan(bytes, from, to);
                    for (int i = 0; i < columns.scanned[0]; i++) {
                        points += columns.entry[i] == POINT ? 1 : 0;
                    }
                    return stop;
                }

                @Override
                public long lineBreaks() {
                    return scan.lineBreaks();
                }

                @Override
                public byte[] replay() {
                    return scan.replay();
                }
            };
        }
    }

    @Test
    void cleanFleets_readIdentically_mostlyByTheScanner() throws IOException {
        CountingScanner counting = new CountingScanner();
        long points = 0;
        for (long seed = 0; seed < 60; seed++) {
            byte[] bytes = new Generator(seed, 0).document().getBytes(StandardCharsets.UTF_8);
            LogsConfig config = CONFIGS.get((int) (seed % 3));
            String expected = read(bytes, config, null, seed);
            assertEquals(expected, read(bytes, config, counting, seed), "seed " + seed);
            points += expected.lines().filter(l -> l.startsWith("point ")).count();
        }
        assertTrue(counting.points > 0.95 * points, counting.points + " of " + points + " points scanned");
    }

    @Test
    void damagedFleets_readIdentically() throws IOException {
        for (long seed = 0; seed < 400; seed++) {
            byte[] bytes = new Generator(seed, 2 + (int) (seed % 40)).document().getBytes(StandardCharsets.UTF_8);
            LogsConfig config = CONFIGS.get((int) (seed % CONFIGS.size()));
            assertEquals(read(bytes, config, null, seed), read(bytes, config, NativeGpxScanner.get(), seed), "seed " + seed);
        }
    }

    @Test
    void everyOddUnit_atEveryPlace_readsIdentically() throws IOException {
        String[] places = {"prolog", "afterRoot", "inTrk", "inTrkseg", "inPoint", "inTime", "afterPoints", "afterRootEnd"};
        for (String unit : ODD_UNITS) {
            for (String place : places) {
                String text = fleetWith(unit, place);
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                for (LogsConfig config : List.of(CONFIGS.get(1), CONFIGS.get(3))) {
                    for (long chunking = 0; chunking < 3; chunking++) {
                        assertEquals(read(bytes, config, null, chunking), read(bytes, config, NativeGpxScanner.get(), chunking),
                                place + ": " + unit);
                    }
                }
            }
        }
    }

    /**
     * A run over logs.max_line_bytes fails the read with an IOException (the whole log is then
     * unreadable) wherever it is: before the scanner's hand-back, inside what Aalto reads, or in the
     * replayed part; the points handed on before it are compared too.
     */
    @Test
    void overlongRuns_failAlike() throws IOException {
        LogsConfig config = Reads.config("max_line_bytes: 1000");
        String longText = "x".repeat(1500);
        for (String place : new String[] {"afterRoot", "inTrk", "inTrkseg", "inPoint", "afterPoints", "afterRootEnd"}) {
            for (String unit : new String[] {"<desc>" + longText + "</desc>", "<!--" + longText + "-->",
                    "<a b='" + longText + "'/>", "<x:y>" + longText + "</x:y>"}) {
                byte[] bytes = fleetWith(unit, place).getBytes(StandardCharsets.UTF_8);
                for (long chunking = 0; chunking < 4; chunking++) {
                    assertEquals(read(bytes, config, null, chunking), read(bytes, config, NativeGpxScanner.get(), chunking),
                            place + ": " + unit.substring(0, 8));
                }
            }
        }
    }

    @Test
    void documentStarts_readIdentically() throws IOException {
        String body = "<trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>2026-11-21T08:00:00Z</time></trkpt></trkseg></trk></gpx>\n";
        String[] starts = {"", "\uFEFF", "<?xml version=\"1.0\"?>", "<?xml version='1.0' encoding='utf-8' standalone='yes'?>\n",
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "<?xml version=\"1.1\"?>", "<?xml version=\"1.0\" encoding=\"US-ASCII\"?>",
                " <?xml version=\"1.0\"?>", "<?xml  version=\"1.0\"  ?>\r\n<!-- c -->\n", "<!DOCTYPE gpx>", "<?pi?>", "\n\n", "x",
                "<!DOCTYPE gpx [<!ENTITY e \"x\">]>"};
        String[] roots = {GPX11, GPX10, "<gpx>", "<g:gpx xmlns:g='urn:g'>", "<kml>", "<gpx xmlns:xml='x'>", "<gpx a='1' a='2'>"};
        for (String start : starts) {
            for (String root : roots) {
                String end = root.startsWith("<g:") ? body.replace("</gpx>", "</g:gpx>") : root.startsWith("<kml")
                        ? body.replace("</gpx>", "</kml>") : body;
                byte[] bytes = (start + root + "\n" + end).getBytes(StandardCharsets.UTF_8);
                for (LogsConfig config : CONFIGS) {
                    assertEquals(read(bytes, config, null, 1), read(bytes, config, NativeGpxScanner.get(), 1), start + root);
                }
            }
        }
        byte[] utf16 = ("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + GPX11 + body).getBytes(StandardCharsets.UTF_16BE);
        assertEquals(read(utf16, LogsConfig.DEFAULTS, null, 1), read(utf16, LogsConfig.DEFAULTS, NativeGpxScanner.get(), 1));
    }

    @Test
    void splitAtEveryByte_andCutShort_readIdentically() throws IOException {
        byte[] bytes = new Generator(7, 0).small().getBytes(StandardCharsets.UTF_8);
        LogsConfig config = CONFIGS.get(1);
        String whole = read(bytes, config, null, 1);
        for (int split = 0; split <= bytes.length; split++) {
            assertEquals(whole, read(new SplitInput(bytes, split), config, NativeGpxScanner.get()), "split at " + split);
        }
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] shorter = java.util.Arrays.copyOf(bytes, cut);
            assertEquals(read(shorter, config, null, 1), read(shorter, config, NativeGpxScanner.get(), cut), "cut at " + cut);
        }
    }

    @Test
    void everyGpxTestLog_readsIdenticallyThroughTheTripReader() throws IOException {
        Path logs = Path.of(System.getProperty("drivelog.repo.dir", "."), "src/test/resources/logs");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(logs)) {
            files = walk.filter(f -> f.toString().endsWith(".gpx") || f.toString().endsWith(".gpx.gz")).sorted().toList();
        }
        assertTrue(files.size() >= 2, "test logs under " + logs);
        for (Path file : files) {
            assertEquals(tripsOf(file, null), tripsOf(file, NativeGpxScanner.get()), file.toString());
        }
    }

    /**
     * A gzip cut short: both ways hand on the points before the cut, in order, and then fail with the
     * same exception (TripReader then keeps what came before: "input ends early"). Not the same number
     * of points: the read that meets the cut loses what it had read, and Aalto's reads are not the
     * scanner's, so the points handed on may differ by that read's tail (at most 4,096 bytes asked).
     */
    @Test
    void truncatedGzip_handsOnThePointsBeforeTheCut() throws IOException {
        byte[] text = new Generator(11, 0).document().getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write(text);
        }
        byte[] gz = zipped.toByteArray();
        LogsConfig config = CONFIGS.get(1);
        List<String> whole = points(read(text, config, null, 1));
        for (int cut = 20; cut < gz.length; cut += Math.max(1, gz.length / 40)) {
            byte[] shorter = java.util.Arrays.copyOf(gz, cut);
            String aalto = read(gunzip(shorter), config, null);
            String scanned = read(gunzip(shorter), config, NativeGpxScanner.get());
            for (String out : List.of(aalto, scanned)) {
                List<String> points = points(out);
                assertEquals(whole.subList(0, points.size()), points, "cut at " + cut);
                assertTrue(out.contains("failed EOFException"), out);
            }
            assertTrue(Math.abs(points(aalto).size() - points(scanned).size()) <= 4096 / 100, "cut at " + cut);
        }
    }

    private static InputStream gunzip(byte[] gz) throws IOException {
        return new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gz), 1 << 16);
    }

    private static List<String> points(String read) {
        return read.lines().filter(l -> l.startsWith("point ")).toList();
    }

    private static String fleetWith(String unit, String place) {
        String point = "<trkpt lat=\"50.0148973\" lon=\"10.0042311\"><time>2026-11-21T08:00:00Z</time><course>276.7</course>"
                + "<speed>0.14</speed><hdop>1.06</hdop></trkpt>\n";
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(place.equals("prolog") ? unit : "").append(GPX11).append('\n');
        s.append(place.equals("afterRoot") ? unit : "").append("<trk><name>v</name>\n");
        s.append(place.equals("inTrk") ? unit : "").append("<trkseg>\n").append(point);
        s.append(place.equals("inTrkseg") ? unit : "").append(point);
        s.append(place.equals("inPoint") ? point.replace("<course>", unit + "<course>") : point);
        s.append(place.equals("inTime") ? point.replace("08:00:00Z", "08:00:00Z" + unit) : point);
        s.append("</trkseg></trk>\n").append(place.equals("afterPoints") ? unit : "").append("</gpx>\n");
        s.append(place.equals("afterRootEnd") ? unit : "");
        return s.toString();
    }

    private static String tripsOf(Path file, GpxScanner scanner) throws IOException {
        return tripsOf(file.getFileName().toString(), Files.readAllBytes(file), scanner);
    }

    private static String tripsOf(String name, byte[] bytes, GpxScanner scanner) throws IOException {
        StringBuilder out = new StringBuilder();
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            ReadReport report = new TripReader(LogsConfig.DEFAULTS, null, null, scanner).read(name, in,
                    null, trip -> {
                        out.append("trip ").append(trip.tripId()).append(' ').append(trip.vehicleId()).append('\n');
                        for (int i = 0; i < trip.count(); i++) {
                            out.append(Double.doubleToRawLongBits(trip.timeSeconds()[i])).append(' ')
                                    .append(Double.doubleToRawLongBits(trip.lat()[i])).append(' ')
                                    .append(Double.doubleToRawLongBits(trip.lon()[i])).append('\n');
                        }
                    });
            out.append(report).append('\n');
        } catch (UnreadableLogException e) {
            out.append("refused ").append(e.getMessage()).append('\n');
        }
        return out.toString();
    }

    private static String read(byte[] bytes, LogsConfig config, GpxScanner scanner, long chunking) throws IOException {
        return read(ChunkedInput.smallOrLarge(bytes, chunking), config, scanner);
    }

    /** Every call the parser makes to the sink, with exact bits, then the counts and messages. */
    private static String read(InputStream in, LogsConfig config, GpxScanner scanner) throws IOException {
        StringBuilder out = new StringBuilder();
        ReadCounts counts = new ReadCounts("t.gpx", 1000);
        PointSink sink = new PointSink() {
            @Override
            public void point(String vehicleId, double timeSeconds, double lat, double lon, float speedMps,
                              float headingDeg, float accuracyMeters, long line) {
                out.append("point ").append(line).append(" '").append(vehicleId).append("' ")
                        .append(Long.toHexString(Double.doubleToRawLongBits(timeSeconds))).append(' ')
                        .append(Long.toHexString(Double.doubleToRawLongBits(lat))).append(' ')
                        .append(Long.toHexString(Double.doubleToRawLongBits(lon))).append(' ')
                        .append(Integer.toHexString(Float.floatToRawIntBits(speedMps))).append(' ')
                        .append(Integer.toHexString(Float.floatToRawIntBits(headingDeg))).append(' ')
                        .append(Integer.toHexString(Float.floatToRawIntBits(accuracyMeters))).append('\n');
            }

            @Override
            public void boundary(String vehicleId) {
                out.append("boundary ").append(vehicleId).append('\n');
            }
        };
        try {
            new GpxLogParser(config, counts, scanner).parse(in, sink);
        } catch (UnreadableLogException e) {
            out.append("refused ").append(e.getMessage()).append('\n');
        } catch (IOException e) {
            out.append("failed ").append(e.getClass().getSimpleName()).append(' ').append(e.getMessage()).append('\n');
        } catch (RuntimeException e) {
            // Aalto 1.3.3 throws one for <xmlns:a/> ("non-singleton binding for ns prefix 'xmlns'"): alike both ways.
            out.append("threw ").append(e).append('\n');
        }
        out.append(counts.toReport("gpx", "none", 0, 0)).append(" lines ").append(counts.lines).append('\n');
        return out.toString();
    }

    /** The bytes in two reads: up to {@code split}, then the rest. */
    private static final class SplitInput extends ByteArrayInputStream {
        private final int split;

        SplitInput(byte[] bytes, int split) {
            super(bytes);
            this.split = split;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, pos < split ? Math.min(len, split - pos) : len);
        }
    }


    /**
     * Fleet-like GPX documents: vehicles as tracks of segments of 1 Hz points, GPX 1.1 with Garmin's
     * extension or GPX 1.0, each document with its own layout (indent, CRLF, quotes, attribute order,
     * which elements a point has); with {@code oddOneIn} above 0, one unit in that many is one of
     * {@link #ODD_UNITS} or a cut-off document.
     */
    private static final class Generator {
        private final Random r;
        private final int oddOneIn;
        private final boolean gpx10;
        private final String newline;
        private final char quote;
        private final boolean lonFirst;
        private final String indent;

        Generator(long seed, int oddOneIn) {
            this.r = new Random(seed);
            this.oddOneIn = oddOneIn;
            this.gpx10 = r.nextInt(3) == 0;
            this.newline = switch (r.nextInt(4)) {
                case 0 -> "\r\n";
                case 1 -> "";
                default -> "\n";
            };
            this.quote = r.nextBoolean() ? '"' : '\'';
            this.lonFirst = r.nextInt(4) == 0;
            this.indent = r.nextBoolean() ? "  " : "";
        }

        String small() {
            return "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + GPX11 + "\n<trk><name>車</name><trkseg>\n"
                    + point(0, 0) + point(0, 1) + "</trkseg>\r\n<trkseg>" + point(0, 2) + "</trkseg></trk>\n</gpx>\n";
        }

        String document() {
            StringBuilder s = new StringBuilder();
            if (r.nextInt(5) == 0) {
                s.append('\uFEFF');
            }
            if (r.nextInt(5) != 0) {
                s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>").append(newline);
            }
            s.append(gpx10 ? GPX10 : GPX11).append(newline);
            int vehicles = 1 + r.nextInt(4);
            for (int v = 0; v < vehicles; v++) {
                s.append(indent).append("<trk><name>Vehicle ").append(v).append(r.nextInt(4) == 0 ? " 日本" : "")
                        .append("</name>").append(newline);
                int segments = 1 + r.nextInt(2);
                for (int g = 0; g < segments; g++) {
                    s.append(indent).append(indent).append("<trkseg>").append(newline);
                    int points = 1 + r.nextInt(30);
                    for (int i = 0; i < points; i++) {
                        s.append(odd() ? ODD_UNITS[r.nextInt(ODD_UNITS.length)] : point(v, g * 100 + i));
                    }
                    s.append(indent).append(indent).append("</trkseg>").append(newline);
                }
                s.append(indent).append("</trk>").append(newline);
            }
            s.append("</gpx>").append(newline);
            if (odd()) {
                return s.substring(0, r.nextInt(s.length()));
            }
            return s.toString();
        }

        private boolean odd() {
            return oddOneIn > 0 && r.nextInt(oddOneIn) == 0;
        }

        private String point(int vehicle, int i) {
            String lat = String.format(Locale.ROOT, "%.7f", 50 + vehicle * 0.01 + i * 0.0001 + r.nextDouble() * 1e-5);
            String lon = String.format(Locale.ROOT, "%.7f", 10 - i * 0.0001 + r.nextDouble() * 1e-5);
            String a = "lat=" + quote + lat + quote;
            String b = "lon=" + quote + lon + quote;
            StringBuilder s = new StringBuilder(indent).append(indent).append(indent).append("<trkpt ")
                    .append(lonFirst ? b + " " + a : a + " " + b).append('>');
            String time = String.format(Locale.ROOT, "2026-11-21T%02d:%02d:%02dZ", 8 + i / 3600, i / 60 % 60, i % 60);
            String course = String.format(Locale.ROOT, "%.1f", r.nextDouble() * 360);
            String speed = String.format(Locale.ROOT, "%.2f", r.nextDouble() * 30);
            String hdop = String.format(Locale.ROOT, "%.2f", 0.5 + r.nextDouble());
            if (gpx10) {
                s.append("<ele>").append(r.nextInt(300)).append("</ele><time>").append(time).append("</time><course>")
                        .append(course).append("</course><speed>").append(speed).append("</speed>");
            } else {
                s.append("<time>").append(time).append("</time>");
                if (r.nextBoolean()) {
                    s.append(newline).append("<extensions><gpxtpx:TrackPointExtension><gpxtpx:speed>").append(speed)
                            .append("</gpxtpx:speed><gpxtpx:course>").append(course)
                            .append("</gpxtpx:course></gpxtpx:TrackPointExtension></extensions>");
                } else {
                    s.append("<course>").append(course).append("</course><speed>").append(speed).append("</speed>");
                }
            }
            if (r.nextBoolean()) {
                s.append("<hdop>").append(hdop).append("</hdop>");
            }
            return s.append("</trkpt>").append(newline).toString();
        }
    }
}
