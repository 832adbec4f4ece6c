package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.analysis.ffm.NativeCsvScanner;
import dev.drivelog.config.LogsConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CSV reader with the native line scanner reads every text exactly as the reader without it:
 * the same calls to the sink (every value's bits, vehicle, line number), the same counts and
 * messages, the same refusals. Texts are generated around every rule the scanner must match or
 * leave to Java (timestamp forms, units, quotes, unicode, blanks, comments, CRLF, missing fields,
 * bad and huge numbers, the valid column, hdop, lines split across buffer refills, no final newline),
 * read in random chunk sizes, and the scanner is checked to have read most points itself.
 */
class NativeCsvScanDifferentialTest {
    private static final String[] HEADER_NAMES = {"vehicle_id", "device", "time", "timestamp", "Time (UTC)", "date",
            "lat", "Latitude", "lon", "lng", "speed", "Speed (km/h)", "speed_mps", "mph", "knots", "heading", "course",
            "accuracy", "hacc", "hdop", "valid", "note", "speed"};

    private static final List<LogsConfig> CONFIGS = List.of(
            LogsConfig.DEFAULTS,
            Reads.config("speed_unit: knots\nhdop_uere_meters: 3.3"),
            Reads.config("time_zone: Europe/Berlin\nspeed_unit: mph"),
            Reads.config("max_line_bytes: 256\nmax_reported_problems: 1000"));

    /** Counts the lines the native scanner took, to show that the comparison is not vacuous. */
    private static final class CountingScanner implements CsvLineScanner {
        private final CsvLineScanner scanner = NativeCsvScanner.get();
        long points;
        long lines;

        @Override
        public Batch start(CsvScanLayout layout, CsvScanColumns columns) {
            Batch batch = scanner.start(layout, columns);
            return (text, from, to) -> {
                int stop = batch.scan(text, from, to);
                lines += columns.scanned[0];
                for (int i = 0; i < columns.scanned[0]; i++) {
                    points += columns.kind[i] == LINE_POINT ? 1 : 0;
                }
                return stop;
            };
        }
    }

    @Test
    void generatedTexts_readIdenticallyWithAndWithoutTheScanner() throws IOException {
        CountingScanner scanner = new CountingScanner();
        long javaPoints = 0;
        Random random = new Random(20261207);
        Generator generator = new Generator(random);
        for (int text = 0; text < 1500; text++) {
            LogsConfig config = CONFIGS.get(text % CONFIGS.size());
            byte[] bytes = generator.generated().getBytes(StandardCharsets.UTF_8);
            long chunking = random.nextLong();
            String withoutScanner = read(bytes, config, null, chunking);
            String withScanner = read(bytes, config, scanner, chunking);
            assertEquals(withoutScanner, withScanner, () -> "text:\n" + new String(bytes, StandardCharsets.UTF_8));
            javaPoints += withoutScanner.lines().filter(line -> line.startsWith("point")).count();
        }
        assertTrue(scanner.points > javaPoints / 3, "the scanner read " + scanner.points + " of " + javaPoints + " points");
        assertTrue(scanner.lines > scanner.points, "blank and comment lines are scanned too");
    }

    @Test
    void edgeCases_readIdenticallyWithAndWithoutTheScanner() throws IOException {
        String header = "vehicle_id,time,lat,lon,speed_kmh,heading,hdop,valid\n";
        String good = "car,2024-03-01T00:00:00Z,52.5,13.25,36,90,1.5,1\n";
        List<String> lines = List.of(good, "\n", "\r\n", " \t \n", "# comment\n", "#\u00e9\n", ",,,\n", "\t\t\n",
                "car,2024-03-01T00:00:00.123456789Z,1,2\n", "car,1970-01-01T00:00:00.123Z,1,2\n",
                "car,1970-01-01T00:00:00.123456789012Z,1,2\n", "car,1970-01-01T00:00:59.99Z,1,2\n", "car,2024-03-01 00:00:00 utc,1,2\n",
                "car,2024/03/01T00:00:00+01:00,1,2\n", "car,2024-03-01T00:00:00+01:,1,2\n",
                "car,2024-02-29T23:59:60Z,1,2\n", "car,2024-02-30T00:00:00Z,1,2\n", "car,2024-03-01T00:00:00,1,2\n",
                "car,2024-03-01T00:00:00 CET,1,2\n", "car,1709251200,1,2\n", "car,1709251200123,1,2\n",
                "car,1709251200123456,1,2\n", "car,1.7e9,1,2\n", "car,-0,1,2\n", "car, 1709251200 ,1,2\n",
                "car,,1,2\n", "car,1709251200,,2\n", "car,1709251200,1\n", "car,1709251200,+1,.5\n",
                "car,1709251200,5.,-0.0\n", "car,1709251200,1e1,2\n", "car,1709251200,NaN,2\n",
                "car,1709251200,Infinity,2\n", "car,1709251200,0x1p3,2\n", "car,1709251200,1.5f,2\n",
                "car,1709251200,12345678901234567890,2\n", "car,1709251200,1.00000000000000000000001,2\n",
                "car,1709251200," + "9".repeat(400) + ",2\n", "car,1709251200,1,2,fast\n",
                "car,1709251200,1,2,,,,false\n", "car,1709251200,1,2,,,,FaLsE\n", "car,1709251200,1,2,,,, 0 \n",
                "car,1709251200,1,2,,,,no\n", "car,1709251200,1,2,,,2.5\n", "\"car, 7\",1709251200,1,2\n",
                "car \"7\",1709251200,1,2\n", "caf\u00e9,1709251200,1,2\n", " car ,1709251200,1,2\n",
                ",1709251200,1,2\n", "car,1709251200,1,2,1,2,3,1,extra,fields\n", "car\r,1709251200,1,2\n",
                "car,1709251200\r,1,2\r\n");
        for (LogsConfig config : CONFIGS) {
            StringBuilder text = new StringBuilder(header);
            for (String line : lines) {
                text.append(good).append(line);
            }
            text.append("car,1709251299,1,2"); // no final newline
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            for (long chunking = 0; chunking < 20; chunking++) {
                assertEquals(read(bytes, config, null, chunking), read(bytes, config, NativeCsvScanner.get(), chunking));
            }
        }
    }

    @Test
    void everyCsvTestLog_readsIdenticallyThroughTheTripReader() throws IOException {
        Path logs = Path.of(System.getProperty("drivelog.repo.dir", "."), "src/test/resources/logs");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(logs)) {
            files = walk.filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".tsv")
                    || f.toString().endsWith(".csv.gz")).sorted().toList();
        }
        assertTrue(files.size() >= 3, "test logs under " + logs);
        for (Path file : files) {
            assertEquals(tripsOf(file, null), tripsOf(file, NativeCsvScanner.get()), file.toString());
        }
    }

    private static String tripsOf(Path file, CsvLineScanner scanner) throws IOException {
        StringBuilder out = new StringBuilder();
        try (InputStream in = Files.newInputStream(file)) {
            ReadReport report = new TripReader(LogsConfig.DEFAULTS, scanner).read(file.getFileName().toString(), in, null,
                    trip -> {
                        out.append("trip ").append(trip.tripId()).append(' ').append(trip.vehicleId()).append('\n');
                        for (int i = 0; i < trip.count(); i++) {
                            out.append(Double.doubleToRawLongBits(trip.timeSeconds()[i])).append(' ')
                                    .append(Double.doubleToRawLongBits(trip.lat()[i])).append(' ')
                                    .append(Double.doubleToRawLongBits(trip.lon()[i])).append(' ')
                                    .append(bits(trip.speedMps(), i)).append(' ').append(bits(trip.headingDeg(), i))
                                    .append(' ').append(bits(trip.accuracyMeters(), i)).append('\n');
                        }
                    });
            out.append(report).append('\n');
        } catch (UnreadableLogException e) {
            out.append("refused ").append(e.getMessage()).append('\n');
        }
        return out.toString();
    }

    private static String bits(float[] column, int i) {
        return column == null ? "-" : Integer.toHexString(Float.floatToRawIntBits(column[i]));
    }

    /** Every call the parser makes to the sink, with exact bits, then the counts and messages, or the refusal. */
    private static String read(byte[] bytes, LogsConfig config, CsvLineScanner scanner, long chunking) throws IOException {
        StringBuilder out = new StringBuilder();
        ReadCounts counts = new ReadCounts("t.csv", 1000);
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
            new CsvLogParser(config, counts, scanner).parse(ChunkedInput.upTo(bytes, chunking, 300), sink);
        } catch (UnreadableLogException e) {
            out.append("refused ").append(e.getMessage()).append('\n');
        }
        out.append(counts.toReport("csv", "none", 0, 0)).append('\n');
        return out.toString();
    }


    /**
     * Random CSV logs: a random header of known and unknown columns, then lines of which some are
     * blank, comments or short, and whose values are now and then odd (one in {@code oddOneIn}: every
     * form the scanner must leave to Java); some texts are mostly clean, so that most of their lines
     * are the scanner's, others mostly odd.
     */
    private static final class Generator {
        private final Random r;
        private int oddOneIn;
        private int timeForm; // a log keeps to one form of time, now and then another

        Generator(Random r) {
            this.r = r;
        }

        String generated() {
            oddOneIn = r.nextBoolean() ? 8 : 200;
            timeForm = r.nextInt(24);
            List<String> header = new ArrayList<>(List.of("time", "lat", "lon"));
            int extra = r.nextInt(8);
            for (int i = 0; i < extra; i++) {
                header.add(r.nextInt(header.size() + 1), HEADER_NAMES[r.nextInt(HEADER_NAMES.length)]);
            }
            if (r.nextInt(200) == 0) {
                header.remove("lat"); // an unreadable header now and then
            }
            if (r.nextInt(3) == 0) {
                header.replaceAll(name -> name.equals("time") ? HEADER_NAMES[2 + r.nextInt(3)] : name);
            }
            char delimiter = ",;\t".charAt(r.nextInt(3));
            String newline = r.nextInt(4) == 0 ? "\r\n" : "\n";
            StringBuilder text = new StringBuilder();
            if (r.nextInt(10) == 0) {
                text.append("\uFEFF");
            }
            if (r.nextInt(10) == 0) {
                text.append("# exported").append(newline).append(newline);
            }
            text.append(String.join(String.valueOf(delimiter), header)).append(newline);
            int lines = r.nextInt(r.nextInt(10) == 0 ? 400 : 40);
            // Near the epoch now and then: there a fraction of a second keeps all its bits in the sum.
            double time = r.nextInt(8) == 0 ? r.nextInt(1000) : 1.7e9 + r.nextInt(100000);
            for (int i = 0; i < lines; i++) {
                time += r.nextInt(3);
                text.append(line(header, delimiter, time));
                if (i < lines - 1 || r.nextBoolean()) {
                    text.append(r.nextInt(30) == 0 ? (newline.equals("\n") ? "\r\n" : "\n") : newline);
                }
            }
            return text.toString();
        }

        private String line(List<String> header, char delimiter, double time) {
            switch (r.nextInt(oddOneIn * 5)) {
                case 0:
                    return "";
                case 1:
                    return " \t ";
                case 2:
                    return "# note " + (r.nextBoolean() ? "\u00e9" : "");
                case 3:
                    return String.valueOf(delimiter).repeat(r.nextInt(4));
                default:
                    break;
            }
            int fields = r.nextInt(oddOneIn * 3) == 0 ? r.nextInt(header.size() + 3) : header.size();
            List<String> values = new ArrayList<>();
            for (int i = 0; i < fields; i++) {
                String name = i < header.size() ? header.get(i) : "note";
                values.add(value(FieldName.of(name), time));
            }
            return String.join(String.valueOf(delimiter), values);
        }

        private String value(FieldName field, double time) {
            if (r.nextInt(oddOneIn * 8) == 0) {
                return odd();
            }
            if (field == null) {
                return r.nextInt(oddOneIn) == 0 ? "stra\u00dfe" : r.nextInt(oddOneIn) == 0 ? "\"a, b\"" : "x" + r.nextInt(9);
            }
            return switch (field) {
                case TIME -> timeText(time);
                case DATE -> "2024-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10);
                case LAT -> decimal(90);
                case LON -> decimal(180);
                case VEHICLE -> switch (r.nextInt(oddOneIn * 3)) {
                    case 0 -> " car " + r.nextInt(3) + " ";
                    case 1 -> "";
                    case 2 -> "v\u00e9hicule";
                    case 3 -> "\"car, " + r.nextInt(3) + "\"";
                    default -> "car-" + r.nextInt(5);
                };
                case VALID -> List.of("1", "0", "false", "FALSE", " false ", "true", "", "no").get(r.nextInt(8));
                default -> r.nextInt(6) == 0 ? "" : decimal(200);
            };
        }

        private String decimal(double range) {
            double value = (r.nextDouble() * 2 - 1) * range;
            return switch (r.nextInt(oddOneIn * 3)) {
                case 0 -> "+" + plain( Math.abs(value));
                case 1 -> ".5";
                case 2 -> "5.";
                case 3 -> "-0";
                case 4 -> " " + plain(value) + " ";
                case 5 -> plain(value) + "e" + r.nextInt(3);
                case 6 -> "1" + "0".repeat(17 + r.nextInt(4)) + "." + r.nextInt(10);
                case 7 -> "0." + "0".repeat(20 + r.nextInt(4)) + "1";
                case 8 -> "9007199254740993";
                case 9 -> String.valueOf(value); // Java's own form, exponents included
                default -> plain(value);
            };
        }

        private String plain(double value) {
            return String.format(java.util.Locale.ROOT, "%." + (r.nextInt(oddOneIn) == 0 ? r.nextInt(16) : r.nextInt(9)) + "f", value);
        }

        private String timeText(double epoch) {
            long seconds = (long) epoch;
            java.time.LocalDateTime utc = java.time.LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC);
            String date = utc.toLocalDate().toString();
            String clock = utc.toLocalTime().withNano(0).toString();
            if (clock.length() == 5) {
                clock += ":00";
            }
            return switch (r.nextInt(oddOneIn) == 0 ? r.nextInt(24) : timeForm) {
                case 0 -> Long.toString(seconds);
                case 1 -> seconds + "." + r.nextInt(1000);
                case 2 -> Long.toString(seconds * 1000 + r.nextInt(1000));
                case 3 -> Long.toString(seconds * 1_000_000 + r.nextInt(1_000_000));
                case 4 -> seconds + "e0";
                case 5 -> " " + seconds + " ";
                case 6 -> date + " " + clock;
                case 7 -> date + "T" + clock;
                case 8 -> date.replace('-', '/') + " " + clock + " UTC";
                case 9 -> date + "t" + clock + "z";
                case 10 -> date + "T" + clock + "+0" + r.nextInt(10) + ":" + (r.nextBoolean() ? "30" : "");
                case 11 -> date + "T" + clock + "-" + (10 + r.nextInt(10)) + (r.nextBoolean() ? "45" : "");
                case 12 -> date + "T" + clock.substring(0, 5) + "Z";
                case 13 -> date + "T" + clock.substring(0, 6) + "60Z";
                case 14 -> date + "T" + clock + " CET";
                case 15 -> clock; // a time of day: joined to a date column where there is one
                case 16 -> date + "T" + clock + "," + r.nextInt(100) + "Z";
                case 17 -> date.substring(0, 5) + "02-30T" + clock + "Z";
                case 18 -> date + "T" + clock + "." + "0123456789".substring(0, 1 + r.nextInt(10)) + "Z";
                default -> date + "T" + clock + (r.nextBoolean() ? "." + r.nextInt(1000) : "") + "Z";
            };
        }

        private String odd() {
            return List.of("NaN", "Infinity", "-Infinity", "0x1p3", "1.5f", "1.5d", "abc", "1..2", "", "-", ".", "--1",
                    "1" + "0".repeat(400), "4.9e-324", "1e309", "\u0660\u0661", "\"\"", "\"x\"\"y\"", " ", "\u2003",
                    "\u00a0" + "5").get(r.nextInt(21));
        }
    }
}
