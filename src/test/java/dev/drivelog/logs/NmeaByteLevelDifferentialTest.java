package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.analysis.ffm.NativeNmeaScanner;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The NMEA reader reads sentences where they lie in its buffer (NmeaSentenceBytes, NmeaFieldBytes),
 * or has the native scanner decode the common lines' sentences (drivelog_nmea_scan), and leaves what
 * it cannot reproduce to the String path. Every way must give the same sink calls (every double and
 * float bit for bit), counts and messages, on hand-made edge cases and on generated logs, clean and
 * with random damage, whole, trickled a few bytes per read and split in two at every byte (lines
 * split across buffer refills).
 */
class NmeaByteLevelDifferentialTest {
    /** How the reader reads: every line decoded (the reference), in place in Java, with the native scanner. */
    private enum Reading { STRING, BYTES, NATIVE }

    /** Counts the sentences the native scanner decoded, to show that the comparison is not vacuous. */
    private static final class CountingScanner implements NmeaSentenceScanner {
        private final NmeaSentenceScanner scanner = NativeNmeaScanner.get();
        long sentences;

        @Override
        public CsvLineScanner.Batch start(NmeaScanColumns columns) {
            CsvLineScanner.Batch batch = scanner.start(columns);
            return (text, from, to) -> {
                int stop = batch.scan(text, from, to);
                sentences += columns.scanned[0];
                return stop;
            };
        }
    }

    private static final CountingScanner NATIVE = new CountingScanner();

    @Test
    void edgeCases_sameCallsCountsAndMessages() throws Exception {
        String text = String.join("\n",
                "", "   ", "\t", "no sentence here",
                withSum("$GPRMC,235955.00,A,5230.0000,N,01324.0000,E,10.0,45.5,211126,,,A"),
                withSum("$GPGGA,235955.00,5230.0000,N,01324.0000,E,1,08,0.9,34.0,M,45.0,M,,"),
                withSum("$GPVTG,45.5,T,,M,10.0,N,18.5,K,A"),
                withSum("$GNRMC,235956.000,A,5230.0100,N,01324.0100,E,0.0,,211126,,,A") + "\r",
                withSum("$GNGGA,235956.000,5230.0100,N,01324.0100,E,2,08,1.2,34.0,M,45.0,M,,"),
                withSum("$GLGSA,A,3,01,02,03,,,,,,,,,,1.5,0.9,1.2"),
                withSum("$GAGSV,3,1,11,01,40,083,46"),
                withSum("$PGRME,15.0,M,45.0,M,25.0,M"),
                withSum("$PUBX,00,235957.00,5230.0200,N"),
                withSum("$RMC,235957.00,A,5230.0200,N,01324.0200,E,1.0,2.0,211126"),
                withSum("$GGA,235957.00,5230.0200,N,01324.0200,E,1,08,1.0"),
                withSum("$GPVTG,,T,,M,,N,,K,N"),
                withSum("$GPVTG,12.0,T,,M,5.0,N,,K,A"),
                withSum("$GPRMC,235958.00,A,5230.0300,N,01324.0300,E,1.0,2.0,211126"),
                withSum("$GPRMC,235958.50,V,5230.0300,N,01324.0300,E,1.0,2.0,211126,,,A"),
                withSum("$GPRMC,235959.00,A,5230.0300,N,01324.0300,E,1.0,2.0,211126,,,N"),
                withSum("$GPGGA,000000.00,5230.0400,S,01324.0400,W,1,08,0.9"),
                withSum("$GPGGA,000001.00,5230.0400,N,01324.0400,E,0,08,0.9"),
                withSum("$GPGGA,000002.00,5230.0400,N,01324.0400,E,,08,0.9"),
                withSum("$GPGGA,000003.00,,,,,1,08,0.9"),
                withSum("$GPGGA,000004.00,5230.0400,X,01324.0400,E,1,08,0.9"),
                withSum("$GPGGA,000005.00,5230.04,N,0132,E,1,08,0.9"),
                withSum("$GPGGA,000006.00,52x0.0400,N,01324.0400,E,1,08,0.9"),
                withSum("$GPGGA,000007.00,5261.0400,N,01324.0400,E,1,08,0.9"),
                withSum("$GPGGA,000008.00,5230.0400,N,01324.0400,E,1,08,1e1"),
                withSum("$GPGGA,000009.00,5230.0400,N,01324.0400,E,1,08,NaN"),
                withSum("$GPGGA,0000,5230.0400,N,01324.0400,E,1,08,0.9"),
                withSum("$GPGGA,250000.00,5230.0400,N,01324.0400,E,1,08,0.9"),
                withSum("$GPGGA,006000.00,5230.0400,N,01324.0400,E,1,08,0.9"),
                withSum("$GPGGA,000061.00,5230.0400,N,01324.0400,E,1,08,0.9"),
                withSum("$GPGGA,00001a.00,5230.0400,N,01324.0400,E,1,08,0.9"),
                withSum("$GPGGA,000010.1234567890123456789,5230.0400,N,01324.0400,E,1,08,0.9"),
                withSum("$GPGGA,000011.00,+5230.0400,N,-1324.0400,E,1,08,+0.9"),
                withSum("$GPGGA,000012.00,5230.0400,N,01324.0400,E"),
                withSum("$GPGGA,000013.00"),
                withSum("$GPGGA"),
                withSum("$GP"),
                withSum("$"),
                withSum("$GPRMC,000014.00,A,5230.0400,N,01324.0400,E,1.0,2.0,311326"),
                withSum("$GPRMC,000015.00,A,5230.0400,N,01324.0400,E,1.0,2.0,21112"),
                withSum("$GPRMC,000016.00,A,5230.0400,N,01324.0400,E,x,2.0,211126"),
                withSum("$GPRMC,000017.00,A,5230.0400,N,01324.0400,E,1.0,-2.5e0,211126"),
                withSum("$GPRMC,000018.00,A,5230.0400,N,01324.0400,E,1.0,2.0,010180"),
                withSum("$GPRMC,000019.00,A,5230.0400,N,01324.0400,E,1.0,2.0,311279"),
                withSum("$GPVTG,x,T,,M,5.0,N,,K,A"),
                withSum("$GPVTG,1,T,,M,5.0,N,1..2,K,A"),
                withSum("$GPVTG,1,T,,M,5.0e1,N,,K,A"),
                lower(withSum("$GPRMC,000020.00,A,5230.0500,N,01324.0500,E,1.0,2.0,211126")),
                "$GPRMC,000021.00,A,5230.0500,N,01324.0500,E,1.0,2.0,211126*00",
                "$GPRMC,000022.00,A,5230.0500,N,01324.0500,E,1.0,2.0,211126",
                "$GPRMC,000023.00,A,5230.0500,N,01324.0500,E,1.0,2.0,211126*4",
                "$GPRMC,000023.00,A,5230.0500,N,01324.0500,E,1.0,2.0,211126*4GX",
                withSum("$GPRMC,000024.00,A,5230.0500,N,01324.0500,E,1.0,2.0,211126").replace("*", "* "),
                withSum("$GPRMC,000025.00,A,5230.0500,N,01324.0500,E,1.0,2.0,211126") + " \t ",
                plusTrailer("$GPRMC,000026.00,A,5230.0500,N,01324.0500,E,1.0,2.0,211126"),
                withSum("$GPRMC,000027.00,A,5230.0500,N,01324.0500,E,1.0,2*0,211126"),
                "junk before " + withSum("$GPRMC,000028.00,A,5230.0500,N,01324.0500,E,1.0,2.0,211126"),
                "$GPRMC,00002" + withSum("$GPRMC,000029.00,A,5230.0500,N,01324.0500,E,1.0,2.0,211126"),
                withSum("$GPGGA,000030.00,5230.0500,N,01324.0500,E,1,08,0.9")
                        + withSum("$GPRMC,000030.00,A,5230.0500,N,01324.0500,E,1.0,2.0,211126") + "$$",
                withSum("$GPRMC,000031.00,A,5230.0500,N,01324.0500,E,1.0,2.0,211126,,,A,\u00e9"),
                "\u00e9" + withSum("$GPRMC,000032.00,A,5230.0500,N,01324.0500,E,1.0,2.0,211126"),
                withSum("$GPRMC,000033.00,A,5230.0500,N,01324.0500,E,1.0,2.0,211126") + "\u0001",
                "\u001c" + withSum("$GPRMC,000034.00,A,5230.0500,N,01324.0500,E,1.0,2.0,211126") + "\u001f",
                withSum("$GPRMC,000035.00,A,5230.0500,N,01324.0500,E,,,211126"),
                withSum("$GPRMC,000036.00,A,5230.0500,N,01324.0500,E,1.0,2.0,211126"),
                withSum("$GPRMC,000037.00,A,5230.0500,N,01324.0500,E,1.0,2.0,211126" + ",9".repeat(70)),
                withSum("$GPGSV" + ",".repeat(100)),
                withSum("$GPRMC,000038.00,A,5230.0500,N,01324.0500,E,1.0,2.0,211126"));
        assertSame(text);
        assertSame(text + "\n");
        assertSame(text.replace("\n", "\r\n"));
        assertSame("\uFEFF" + text);
        List<String> read = readAll(text, true, false);
        assertTrue(read.stream().filter(line -> line.startsWith("point")).count() > 10, read.toString());
        assertTrue(read.stream().anyMatch(line -> line.contains("checksum mismatch")), read.toString());
    }

    @Test
    void undatedFixesThenDate_sameBothWays() throws Exception {
        assertSame(String.join("\n",
                withSum("$GPGGA,100000.00,5230.0000,N,01324.0000,E,1,08,0.9"),
                withSum("$GPVTG,10.0,T,,M,5.0,N,9.0,K,A"),
                withSum("$GPGGA,100001.00,5230.0000,N,01324.0000,E,1,08,0.9"),
                withSum("$GPRMC,100002.00,A,5230.0000,N,01324.0000,E,1.0,2.0,010326,,,A"),
                withSum("$GPGGA,100003.00,5230.0000,N,01324.0000,E,1,08,0.9")));
    }

    /** Generated logs: valid epochs, then random damage to a share of the lines (checksums kept right or not). */
    @Test
    void generatedLogsWithDamage_sameBothWays_wholeAndTrickled() throws Exception {
        for (int seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            String text = generated(random, 400 + random.nextInt(800), true);
            assertSame(text);
            List<String> whole = readAll(text, false, false);
            assertEquals(whole, readAll(text, true, true), "trickled, seed " + seed);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertEquals(whole, readAll(Reading.NATIVE, ChunkedInput.smallOrLarge(bytes, seed)), "native, pieces, seed " + seed);
        }
    }

    /** Clean logs (any talker, glued sentences, CRLF, blank lines): the native scanner decodes nearly every sentence. */
    @Test
    void generatedCleanLogs_nativeSameAsStringPath_andDecodesNearlyAll() throws Exception {
        long before = NATIVE.sentences;
        long lines = 0;
        for (int seed = 1; seed <= 20; seed++) {
            Random random = new Random(1000 + seed);
            String text = generated(random, 300 + random.nextInt(600), false);
            assertSame(text);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            List<String> whole = readAll(text, false, false);
            assertEquals(whole, readAll(Reading.NATIVE, ChunkedInput.smallOrLarge(bytes, seed)), "native, pieces, seed " + seed);
            assertEquals(whole, readAll(Reading.NATIVE, ChunkedInput.upTo(bytes, seed, 97)), "native, trickled, seed " + seed);
            lines += text.lines().filter(line -> line.contains("RMC") || line.contains("GGA") || line.contains("VTG")).count();
        }
        long decoded = NATIVE.sentences - before;
        assertTrue(decoded > 2 * lines, "the scanner decoded " + decoded + " sentences of lines with about " + lines);
    }

    /** Every way of reading, the text given in two pieces cut at every byte. */
    @Test
    void everySplit_nativeSameAsStringPath() throws Exception {
        String text = String.join("\n",
                withSum("$GPRMC,235959.00,A,5230.0000,N,01324.0000,E,10.0,45.5,211126,,,A"),
                withSum("$GPGGA,235959.00,5230.0000,N,01324.0000,E,1,08,0.9,34.0,M,45.0,M,,")
                        + withSum("$GPVTG,45.5,T,,M,10.0,N,18.5,K,A") + "\r",
                "",
                withSum("$GNRMC,000000.50,A,5230.0100,S,01324.0100,W,0.0,,211126,,,A").replace("*", "*0"),
                withSum("$GPGGA,000000.50,5230.0100,N,01324.0100,E,0,08,1.2"),
                "\u00e9" + withSum("$GPRMC,000001.00,A,5230.0200,N,01324.0200,E,1.0,2.0,221126"),
                withSum("$GPGGA,000001.00,5230.0200,N,01324.0200,E,1,08,1e1"),
                withSum("$GPRMC,000002.00,V,5230.0300,N,01324.0300,E,1.0,2.0,221126"),
                withSum("$GPVTG,x,T,,M,5.0,N,,K,A"),
                withSum("$GPGGA,000003.00,5230.0400,N,01324.0400,E,1,08,0.9"));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> reference = readAll(text, false, false);
        for (int at = 0; at <= bytes.length; at++) {
            InputStream in = new SequenceInputStream(new ByteArrayInputStream(bytes, 0, at),
                    new ByteArrayInputStream(bytes, at, bytes.length - at));
            assertEquals(reference, readAll(Reading.NATIVE, in), "cut at " + at);
        }
    }

    /** A log larger than the reader's 64 KB buffer, trickled: lines cut at every place by refills. */
    @Test
    void largeLogTrickled_sameAsStringPath() throws Exception {
        String text = generated(new Random(99), 6000, true);
        assertTrue(text.length() > 3 * 64 * 1024);
        List<String> reference = readAll(text, false, false);
        assertEquals(reference, readAll(text, true, true));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(reference, readAll(Reading.NATIVE, ChunkedInput.upTo(bytes, 99, 97)));
        assertEquals(reference, readAll(Reading.NATIVE, new ByteArrayInputStream(bytes)));
    }

    private static String generated(Random random, int epochs, boolean damaged) {
        StringBuilder out = new StringBuilder();
        double t = 86_400 - epochs / 2.0 - random.nextInt(5);
        String[] talkers = {"GP", "GN", "GL", "GA", "BD", "GB", "GQ"};
        for (int e = 0; e < epochs; e++) {
            double tod = ((t + e) % 86_400 + 86_400) % 86_400;
            String time = String.format(Locale.ROOT, "%02d%02d%05.2f", (int) (tod / 3600), (int) (tod % 3600 / 60), tod % 60);
            String lat = String.format(Locale.ROOT, "%02d%09.6f", random.nextInt(90), random.nextDouble() * 60);
            String lon = String.format(Locale.ROOT, "%03d%09.6f", random.nextInt(180), random.nextDouble() * 60);
            String ns = random.nextBoolean() ? "N" : "S";
            String ew = random.nextBoolean() ? "E" : "W";
            String talker = talkers[random.nextInt(talkers.length)];
            String day = e < 3 && random.nextBoolean() ? "" : "2" + (1 + random.nextInt(8)) + "1126";
            List<String> epoch = new ArrayList<>();
            if (random.nextInt(10) > 0) {
                epoch.add("$" + talker + "RMC," + time + "," + (random.nextInt(20) == 0 ? "V" : "A") + "," + lat + "," + ns + ","
                        + lon + "," + ew + "," + decimal(random) + "," + decimal(random) + "," + day + ",,,"
                        + (random.nextInt(30) == 0 ? "N" : "A"));
            }
            if (random.nextInt(4) > 0) {
                epoch.add("$" + talker + "GGA," + time + "," + lat + "," + ns + "," + lon + "," + ew + ","
                        + random.nextInt(3) + ",08," + decimal(random) + ",34.0,M,45.0,M,,");
            }
            if (random.nextInt(3) == 0) {
                epoch.add("$" + talker + "VTG," + decimal(random) + ",T,,M," + decimal(random) + ",N," + decimal(random) + ",K,"
                        + (random.nextInt(20) == 0 ? "N" : "A"));
            }
            if (random.nextInt(5) == 0) {
                epoch.add("$" + talker + "GSA,A,3,01,02,,,,,,,,,,,1.5,0.9,1.2");
            }
            for (String sentence : epoch) {
                String line = withSum(sentence);
                if (damaged && random.nextInt(12) == 0) {
                    line = damage(random, line);
                    if (random.nextBoolean() && line.lastIndexOf('*') > 0) {
                        line = withSum(line.substring(0, line.lastIndexOf('*')));
                    }
                }
                out.append(line);
                if (random.nextInt(40) != 0) { // sometimes glued to the next one
                    out.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
                }
            }
            if (random.nextInt(50) == 0) {
                out.append("\n \n");
            }
        }
        return out.toString();
    }

    private static String decimal(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> Integer.toString(random.nextInt(400));
            default -> String.format(Locale.ROOT, "%." + random.nextInt(6) + "f", random.nextDouble() * 400);
        };
    }

    private static String damage(Random random, String line) {
        String alphabet = "0123456789.,*$-+eEAVNSWKTM \t\u00e9x";
        StringBuilder s = new StringBuilder(line);
        for (int k = 1 + random.nextInt(3); k > 0 && !s.isEmpty(); k--) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(3)) {
                case 0 -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                case 1 -> s.deleteCharAt(at);
                default -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return s.toString();
    }

    private static void assertSame(String text) throws Exception {
        List<String> reference = readAll(text, false, false);
        assertEquals(reference, readAll(text, true, false));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(reference, readAll(Reading.NATIVE, new ByteArrayInputStream(bytes)), "native");
        assertEquals(reference, readAll(Reading.NATIVE, ChunkedInput.upTo(bytes, 7, 97)), "native, trickled");
    }

    private static List<String> readAll(String text, boolean byteLevel, boolean trickle) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        InputStream in = trickle ? ChunkedInput.upTo(bytes, 7, 97) : new ByteArrayInputStream(bytes);
        return readAll(byteLevel ? Reading.BYTES : Reading.STRING, in);
    }

    /** Every sink call (doubles and floats as their bits), the counts and every message of one read. */
    private static List<String> readAll(Reading reading, InputStream in) throws Exception {
        List<String> out = new ArrayList<>();
        ReadCounts counts = new ReadCounts("t.nmea", 100_000);
        PointSink sink = new PointSink() {
            @Override
            public void point(String vehicleId, double time, double lat, double lon, float speed, float heading,
                              float accuracy, long line) {
                out.add("point " + line + " " + vehicleId + " " + Long.toHexString(Double.doubleToRawLongBits(time)) + " "
                        + Long.toHexString(Double.doubleToRawLongBits(lat)) + " " + Long.toHexString(Double.doubleToRawLongBits(lon))
                        + " " + Integer.toHexString(Float.floatToRawIntBits(speed)) + " "
                        + Integer.toHexString(Float.floatToRawIntBits(heading)) + " "
                        + Integer.toHexString(Float.floatToRawIntBits(accuracy)) + " (" + time + " " + lat + " " + lon + ")");
            }

            @Override
            public void boundary(String vehicleId) {
                out.add("boundary " + vehicleId);
            }
        };
        NmeaLogParser parser = switch (reading) {
            case STRING -> new NmeaLogParser(Reads.config(""), counts, false);
            case BYTES -> new NmeaLogParser(Reads.config(""), counts, true);
            case NATIVE -> new NmeaLogParser(Reads.config(""), counts, NATIVE);
        };
        parser.parse(in, sink);
        ReadReport report = counts.toReport("nmea", "none", 0, 0);
        out.add("lines " + report.lines() + " malformed " + report.malformedLines() + " invalid " + report.invalidFixes()
                + " undated " + report.undatedFixes());
        out.addAll(report.problems());
        return out;
    }


    static String withSum(String sentence) {
        int sum = 0;
        for (int i = 1; i < sentence.length(); i++) {
            sum ^= sentence.charAt(i);
        }
        return sentence + String.format("*%02X", sum & 0xFF);
    }

    private static String lower(String sentence) {
        int star = sentence.lastIndexOf('*');
        return sentence.substring(0, star) + sentence.substring(star).toLowerCase(Locale.ROOT);
    }

    /**
     * A checksum Integer.parseInt reads though it is not two hex digits: "+" and one digit. A last
     * field is chosen that makes the sum below 16.
     */
    private static String plusTrailer(String sentence) {
        for (char c = 'A'; c <= 'Z'; c++) {
            for (char d = '0'; d <= 'z'; d++) {
                String summed = withSum(sentence + "," + c + d);
                int star = summed.lastIndexOf('*');
                if (summed.charAt(star + 1) == '0') {
                    return summed.substring(0, star + 1) + "+" + summed.charAt(star + 2);
                }
            }
        }
        throw new AssertionError("no last field gives a sum below 16");
    }
}
