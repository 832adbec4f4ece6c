package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.analysis.ffm.NativeJsonLinesScanner;
import dev.drivelog.config.LogsConfig;
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
 * The JSON Lines reader with the native scanner reads every text exactly as the reader without it:
 * the same calls to the sink (every value's bits, vehicle, line number), the same counts and
 * messages. Texts are generated around every rule the scanner must match or leave to Java (key order,
 * unknown and repeated keys, keys met only later, Traccar's knots rule, nested objects and arrays,
 * strings with escapes and unicode, numbers of every JSON form, true/false/null, blanks, CRLF, lines
 * split across buffer refills, no final newline, broken lines), read in random chunk sizes, and the
 * scanner is checked to have read most points itself.
 */
class NativeJsonLinesScanDifferentialTest {
    private static final String[] KEYS = {"deviceId", "fixTime", "deviceTime", "serverTime", "valid", "latitude",
            "longitude", "speed", "course", "accuracy", "time", "timestamp", "lat", "lon", "lng", "speed_kmh", "Speed (km/h)",
            "mph", "knots", "speed_mps", "heading", "hdop", "vehicle_id", "device", "date", "id", "protocol", "altitude",
            "note", "attributes"};

    private static final List<LogsConfig> CONFIGS = List.of(
            LogsConfig.DEFAULTS,
            Reads.config("speed_unit: knots\nhdop_uere_meters: 3.3"),
            Reads.config("time_zone: Europe/Berlin\nspeed_unit: kmh"),
            Reads.config("max_line_bytes: 256\nmax_reported_problems: 1000"));

    /** Counts the lines the native scanner took, to show that the comparison is not vacuous. */
    private static final class CountingScanner implements JsonLinesScanner {
        private final JsonLinesScanner scanner = NativeJsonLinesScanner.get();
        long points;
        long lines;

        @Override
        public CsvLineScanner.Batch start(JsonScanLayout layout, JsonScanKeys keys, CsvScanColumns columns) {
            CsvLineScanner.Batch batch = scanner.start(layout, keys, columns);
            return (text, from, to) -> {
                int stop = batch.scan(text, from, to);
                lines += columns.scanned[0];
                for (int i = 0; i < columns.scanned[0]; i++) {
                    points += columns.kind[i] == CsvLineScanner.LINE_POINT ? 1 : 0;
                }
                return stop;
            };
        }
    }

    @Test
    void generatedTexts_readIdenticallyWithAndWithoutTheScanner() throws IOException {
        CountingScanner scanner = new CountingScanner();
        // Points of the texts read as from a file (pieces up to 64 KiB, lines up to the default bound),
        // where the scanner can find complete lines; in 300-byte pieces, or with a 256-byte line bound
        // (a buffer of 257 bytes), the reader reads most lines itself after each refill, by design.
        long filePoints = 0;
        long filePointsScanned = 0;
        Random random = new Random(20261208);
        Generator generator = new Generator(random);
        for (int text = 0; text < 1500; text++) {
            LogsConfig config = CONFIGS.get(text % CONFIGS.size());
            byte[] bytes = generator.generated().getBytes(StandardCharsets.UTF_8);
            long chunking = random.nextLong();
            String withoutScanner = read(bytes, config, null, chunking);
            long scannedBefore = scanner.points;
            String withScanner = read(bytes, config, scanner, chunking);
            assertEquals(withoutScanner, withScanner, () -> "text:\n" + new String(bytes, StandardCharsets.UTF_8));
            if ((chunking & 1) == 1 && config.maxLineBytes() > 1024) {
                filePoints += withoutScanner.lines().filter(line -> line.startsWith("point")).count();
                filePointsScanned += scanner.points - scannedBefore;
            }
        }
        assertTrue(filePointsScanned > filePoints / 2,
                "the scanner read " + filePointsScanned + " of " + filePoints + " points read as from a file");
        assertTrue(scanner.lines > scanner.points, "blank lines and invalid fixes are scanned too");
    }

    @Test
    void edgeCases_readIdenticallyWithAndWithoutTheScanner() throws IOException {
        String good = "{\"deviceId\":7,\"fixTime\":\"2024-03-01T00:00:00Z\",\"latitude\":52.5,\"longitude\":13.25,"
                + "\"speed\":3.5,\"course\":90,\"accuracy\":4,\"valid\":true}\n";
        String base = "\"time\":1709251200,\"lat\":1,\"lon\":2";
        List<String> lines = new ArrayList<>(List.of(good, "\n", "\r\n", " \t \n", "\u000b\n", "{}\n", "[]\n", "null\n",
                "{" + base + "}\n", "{" + base + ",\"speed\":10}\n", "{" + base + ",\"speed\":10,\"fixTime\":null}\n",
                "{" + base + ",\"speed\":10,\"serverTime\":1}\n", "{" + base + ",\"speed\":10,\"x\":{\"fixTime\":1}}\n",
                "{\"lat\":1,\"lon\":2,\"lat\":3,\"time\":\"2024-03-01T00:00:00Z\",\"time\":5}\n",
                "{\"lat\":1,\"lon\":2,\"time\":\"  \",\"time\":5}\n", "{\"lat\":1,\"lon\":2,\"time\":\"\"}\n",
                "{\"lat\":1,\"lon\":2,\"time\":\"12:00:05\",\"date\":\"2024-03-01\"}\n",
                "{\"lat\":1,\"lon\":2,\"time\":\"2024-03-01T00:00:00\"}\n", "{\"lat\":1,\"lon\":2,\"time\":\"2024-03-01 00:00:00 CET\"}\n",
                "{\"lat\":1,\"lon\":2,\"time\":1709251200123}\n", "{\"lat\":1,\"lon\":2,\"time\":1709251200123456}\n",
                "{\"lat\":1,\"lon\":2,\"time\":1.7e9}\n", "{\"lat\":1,\"lon\":2,\"time\":true}\n", "{\"lat\":1,\"lon\":2,\"time\":-0}\n",
                "{\"lat\":1,\"lon\":2,\"time\":\"1709251200\"}\n", "{\"lat\":1,\"lon\":2,\"time\":\" 1709251200 \"}\n",
                "{" + base + ",\"valid\":false}\n", "{" + base + ",\"valid\":0}\n", "{" + base + ",\"valid\":0.0}\n",
                "{" + base + ",\"valid\":\"FaLsE\"}\n", "{" + base + ",\"valid\":\" 0 \"}\n", "{" + base + ",\"valid\":\"no\"}\n",
                "{" + base + ",\"valid\":null}\n", "{\"time\":1,\"lat\":-0,\"lon\":-0.0}\n", "{\"time\":1,\"lat\":-0.0,\"lon\":0}\n",
                "{\"time\":1,\"lat\":1e1,\"lon\":2E-1}\n", "{\"time\":1,\"lat\":01,\"lon\":2}\n", "{\"time\":1,\"lat\":+1,\"lon\":2}\n",
                "{\"time\":1,\"lat\":.5,\"lon\":2}\n", "{\"time\":1,\"lat\":5.,\"lon\":2}\n", "{\"time\":1,\"lat\":NaN,\"lon\":2}\n",
                "{\"time\":1,\"lat\":12345678901234567890,\"lon\":2}\n", "{\"time\":1,\"lat\":9007199254740993,\"lon\":2}\n",
                "{\"time\":1,\"lat\":1.00000000000000000000001,\"lon\":2}\n", "{\"time\":1,\"lat\":0.0000000000000000000001,\"lon\":2}\n",
                "{\"time\":1,\"lat\":" + "9".repeat(400) + ",\"lon\":2}\n", "{\"time\":1,\"lat\":\"52.5\",\"lon\":\" 2 \"}\n",
                "{\"time\":1,\"lat\":true,\"lon\":false}\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"speed\":\"5\"}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"speed\":\"\"}\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"speed\":\"1e1\"}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"speed\":true}\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"speed\":null,\"speed_kmh\":36}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"speed\":5,\"speed_kmh\":36,\"mph\":10}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"hdop\":2}\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"hdop\":2,\"accuracy\":3}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"deviceId\":\" car 7 \"}\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"deviceId\":\"\"}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"deviceId\":-12}\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"deviceId\":-0}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"deviceId\":12.0}\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"deviceId\":1.5}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"deviceId\":999999999999999}\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"deviceId\":1000000000000000}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"deviceId\":true}\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"deviceId\":null}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"deviceId\":\"caf\u00e9\"}\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"deviceId\":\"a\\\"b\"}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"deviceId\":\"a\\u0062\"}\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"deviceId\":\"a\tb\"}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"dev\\u0069ceId\":\"x\"}\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"unheard\":1}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"unheard\":1}\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"d\u00e9j\u00e0\":1}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"date\":5}\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"date\":\"2024-03-01\"}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"attributes\":{\"a\":[1,2.5e3,-0,true,null,{\"b\":\"c\"}],\"d\":{},\"e\":[]}}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"attributes\":{\"a\":\"\\n\"}}\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"attributes\":[1,]}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"attributes\":{\"a\":01}}\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"attributes\":{\"a\" 1}}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"attributes\":" + "[".repeat(8) + "]".repeat(8) + "}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"attributes\":" + "[".repeat(20) + "]".repeat(20) + "}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"latitude\":{\"x\":1}}\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"note\":truex}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"note\":tru}\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"note\":nul}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,}\n", "{\"time\":1,\"lat\":1,\"lon\":2} x\n", "{\"time\":1,\"lat\":1,\"lon\":2}{}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2} \t\n", " \t{ \"time\" :1 , \"lat\": 1,\t\"lon\" :2 } \n",
                "{\"time\":1,\r\"lat\":1,\"lon\":2}\n", "{\"time\":1,\"lat\":1,\"lon\":2}\r\r\n", "\f{\"time\":1,\"lat\":1,\"lon\":2}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2,\"note\":\"\u007f\"}\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"note\":\"a\u0000b\"}\n",
                "{\"time\":1,\"lat\":1,\"lon\":2\n", "{\"time\":1,\"lat\":1,\"lon\":2,\"note\":\"open}\n", "{\"time\":1 \"lat\":1}\n",
                "{'time':1,'lat':1,'lon':2}\n", "{time:1,lat:1,lon:2}\n", "// comment\n", "# comment\n"));
        for (LogsConfig config : CONFIGS) {
            StringBuilder text = new StringBuilder();
            for (String line : lines) {
                text.append(good).append(line);
            }
            text.append("{\"time\":1709251299,\"lat\":1,\"lon\":2}"); // no final newline
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            for (long chunking = 0; chunking < 20; chunking++) {
                assertEquals(read(bytes, config, null, chunking), read(bytes, config, NativeJsonLinesScanner.get(), chunking));
            }
        }
    }

    @Test
    void everyJsonLinesTestLog_readsIdenticallyThroughTheTripReader() throws IOException {
        Path logs = Path.of(System.getProperty("drivelog.repo.dir", "."), "src/test/resources/logs");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(logs)) {
            files = walk.filter(f -> f.toString().endsWith(".jsonl") || f.toString().endsWith(".jsonl.gz")).sorted().toList();
        }
        assertTrue(files.size() >= 2, "test logs under " + logs);
        for (Path file : files) {
            assertEquals(tripsOf(file, null), tripsOf(file, NativeJsonLinesScanner.get()), file.toString());
        }
    }

    private static String tripsOf(Path file, JsonLinesScanner scanner) throws IOException {
        StringBuilder out = new StringBuilder();
        try (InputStream in = Files.newInputStream(file)) {
            ReadReport report = new TripReader(LogsConfig.DEFAULTS, null, scanner).read(file.getFileName().toString(), in,
                    null, trip -> {
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

    /** Every call the parser makes to the sink, with exact bits, then the counts and messages. */
    private static String read(byte[] bytes, LogsConfig config, JsonLinesScanner scanner, long chunking) throws IOException {
        StringBuilder out = new StringBuilder();
        ReadCounts counts = new ReadCounts("t.jsonl", 1000);
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
        new JsonLinesLogParser(config, counts, true, scanner).parse(ChunkedInput.smallOrLarge(bytes, chunking), sink);
        out.append(counts.toReport("jsonl", "none", 0, 0)).append('\n');
        return out.toString();
    }


    /**
     * Random JSON Lines logs: each with its own set and order of keys (known, unknown, nested), lines
     * that now and then drop, repeat or add a key, and values that now and then take an odd form (one
     * in {@code oddOneIn}: every form the scanner must leave to Java or match exactly); some texts
     * are mostly clean, so that most of their lines are the scanner's, others mostly odd.
     */
    private static final class Generator {
        private final Random r;
        private int oddOneIn;
        private int timeForm;

        Generator(Random r) {
            this.r = r;
        }

        String generated() {
            oddOneIn = r.nextBoolean() ? 8 : 200;
            timeForm = r.nextInt(12);
            List<String> keys = new ArrayList<>(List.of(r.nextBoolean() ? "fixTime" : "time", r.nextBoolean() ? "latitude" : "lat",
                    r.nextBoolean() ? "longitude" : "lon"));
            int extra = r.nextInt(8);
            for (int i = 0; i < extra; i++) {
                keys.add(r.nextInt(keys.size() + 1), KEYS[r.nextInt(KEYS.length)]);
            }
            String newline = r.nextInt(4) == 0 ? "\r\n" : "\n";
            String space = r.nextInt(3) == 0 ? " " : "";
            StringBuilder text = new StringBuilder();
            if (r.nextInt(10) == 0) {
                text.append("\uFEFF");
            }
            int lines = r.nextInt(r.nextInt(10) == 0 ? 400 : 40);
            double time = r.nextInt(8) == 0 ? r.nextInt(1000) : 1.7e9 + r.nextInt(100000);
            for (int i = 0; i < lines; i++) {
                time += r.nextInt(3);
                text.append(line(keys, time, space));
                if (i < lines - 1 || r.nextBoolean()) {
                    text.append(r.nextInt(30) == 0 ? (newline.equals("\n") ? "\r\n" : "\n") : newline);
                }
            }
            return text.toString();
        }

        private String line(List<String> keys, double time, String space) {
            switch (r.nextInt(oddOneIn * 6)) {
                case 0:
                    return "";
                case 1:
                    return " \t ";
                case 2:
                    return "{";
                case 3:
                    return "not json";
                case 4:
                    return "[1,2]";
                default:
                    break;
            }
            List<String> lineKeys = new ArrayList<>(keys);
            if (r.nextInt(oddOneIn) == 0) {
                lineKeys.remove(r.nextInt(lineKeys.size()));
            }
            if (r.nextInt(oddOneIn) == 0) {
                lineKeys.add(r.nextInt(lineKeys.size() + 1), r.nextBoolean() ? KEYS[r.nextInt(KEYS.length)]
                        : "new" + r.nextInt(50));
            }
            StringBuilder out = new StringBuilder("{").append(space);
            for (int i = 0; i < lineKeys.size(); i++) {
                if (i > 0) {
                    out.append(',').append(space);
                }
                String key = lineKeys.get(i);
                out.append('"').append(key).append('"').append(space).append(':').append(space)
                        .append(value(key, FieldName.of(key), time));
            }
            return out.append(space).append('}').toString();
        }

        private String value(String key, FieldName field, double time) {
            if (r.nextInt(oddOneIn * 8) == 0) {
                return odd();
            }
            if (r.nextInt(oddOneIn * 4) == 0) {
                return "null";
            }
            if (key.equals("attributes")) {
                return nested(0);
            }
            if (field == null) {
                return switch (r.nextInt(5)) {
                    case 0 -> "\"osmand\"";
                    case 1 -> String.valueOf(r.nextInt(100000));
                    case 2 -> number(100);
                    case 3 -> r.nextInt(oddOneIn) == 0 ? "\"stra\u00dfe\"" : "\"a b\"";
                    default -> r.nextBoolean() ? "true" : "false";
                };
            }
            return switch (field) {
                case TIME -> timeValue(time);
                case DATE -> "\"2024-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10) + "\"";
                case LAT -> number(90);
                case LON -> number(180);
                case VEHICLE -> switch (r.nextInt(oddOneIn * 3)) {
                    case 0 -> "\" car " + r.nextInt(3) + " \"";
                    case 1 -> "\"\"";
                    case 2 -> "\"v\u00e9hicule\"";
                    case 3 -> "12.0";
                    case 4 -> "-" + r.nextInt(5);
                    case 5 -> "\"car\\t" + r.nextInt(3) + "\"";
                    default -> r.nextBoolean() ? String.valueOf(1000 + r.nextInt(5)) : "\"car-" + r.nextInt(5) + "\"";
                };
                case VALID -> List.of("true", "false", "1", "0", "\"false\"", "\" TRUE \"", "0.0", "\"no\"").get(
                        r.nextInt(oddOneIn) == 0 ? r.nextInt(8) : r.nextInt(4) == 0 ? 1 : 0);
                default -> r.nextInt(6) == 0 ? "0" : number(200);
            };
        }

        private String nested(int depth) {
            if (depth > 3 || r.nextInt(3) == 0) {
                return switch (r.nextInt(5)) {
                    case 0 -> "\"x\"";
                    case 1 -> "1.5e" + r.nextInt(10);
                    case 2 -> "true";
                    case 3 -> r.nextInt(oddOneIn) == 0 ? "\"a\\u00e9\"" : "null";
                    default -> String.valueOf(r.nextInt(100));
                };
            }
            StringBuilder out = new StringBuilder();
            boolean object = r.nextBoolean();
            out.append(object ? '{' : '[');
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (object) {
                    out.append(r.nextBoolean() ? "\"fixTime\"" : "\"k" + i + "\"").append(':');
                }
                out.append(nested(depth + 1));
            }
            return out.append(object ? '}' : ']').toString();
        }

        private String number(double range) {
            double value = (r.nextDouble() * 2 - 1) * range;
            return switch (r.nextInt(oddOneIn * 12)) {
                case 0 -> "-0";
                case 1 -> "-0.0";
                case 2 -> plain(value) + "e" + r.nextInt(3);
                case 3 -> "1" + "0".repeat(17 + r.nextInt(4)) + "." + r.nextInt(10);
                case 4 -> "0." + "0".repeat(20 + r.nextInt(4)) + "1";
                case 5 -> "9007199254740993";
                case 6 -> String.valueOf(value); // Java's own form, exponents included
                case 7 -> "\"" + plain(value) + "\"";
                case 8 -> r.nextBoolean() ? "true" : "false";
                default -> plain(value);
            };
        }

        private String plain(double value) {
            return String.format(Locale.ROOT, "%." + (r.nextInt(oddOneIn) == 0 ? r.nextInt(16) : r.nextInt(9)) + "f", value);
        }

        private String timeValue(double epoch) {
            long seconds = (long) epoch;
            java.time.LocalDateTime utc = java.time.LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC);
            String date = utc.toLocalDate().toString();
            String clock = utc.toLocalTime().withNano(0).toString();
            if (clock.length() == 5) {
                clock += ":00";
            }
            return switch (r.nextInt(oddOneIn) == 0 ? r.nextInt(12) : timeForm) {
                case 0 -> Long.toString(seconds);
                case 1 -> seconds + "." + r.nextInt(1000);
                case 2 -> Long.toString(seconds * 1000 + r.nextInt(1000));
                case 3 -> Long.toString(seconds * 1_000_000 + r.nextInt(1_000_000));
                case 4 -> seconds + "e0";
                case 5 -> "\"" + seconds + "\"";
                case 6 -> "\"" + date + " " + clock + "\"";
                case 7 -> "\"" + date + "T" + clock + "\"";
                case 8 -> "\"" + date + "T" + clock + ".000+00:00\"";
                case 9 -> "\"" + date + "T" + clock + " CET\"";
                case 10 -> "\"" + clock + "\"";
                default -> "\"" + date + "T" + clock + (r.nextBoolean() ? "." + r.nextInt(1000) : "") + "Z\"";
            };
        }

        private String odd() {
            return List.of("NaN", "Infinity", "-Infinity", "0x1p3", "1.5f", "abc", "1..2", "", "-", ".", "--1",
                    "1" + "0".repeat(400), "4.9e-324", "1e309", "\"\"", "\"x\\\"y\"", "\" \"", "\"\u2003\"", "{}", "[]",
                    "\"\\u0031\"").get(r.nextInt(21));
        }
    }
}
