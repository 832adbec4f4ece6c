package dev.drivelog.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.config.LogsConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class TripReaderTest {

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static UnreadableLogException refusal(String name, byte[] data, LogsConfig config) {
        return assertThrows(UnreadableLogException.class,
                () -> Reads.read(name, new ByteArrayInputStream(data), config, null));
    }

    @Test
    void read_jsonLinesNamedCsv_detectedByContentAndNoted() throws Exception {
        Reads read = Reads.fixture("detect/jsonl-named.csv");
        assertEquals("jsonl", read.report().format());
        assertEquals(3, read.trips().getFirst().count());
        assertEquals("jsonl-named.csv: content is jsonl although the name suggests csv; read as jsonl",
                read.report().problems().getFirst());
    }

    @Test
    void read_gpxNamedTxt_detectedByContent() throws Exception {
        Reads read = Reads.fixture("detect/gpx-named.txt");
        assertEquals("gpx", read.report().format());
        assertEquals(2, read.trips().size());
    }

    @Test
    void read_formatGiven_overridesDetection() {
        // Forced to read GPX as CSV: the header has no latitude column, so the input is unreadable as CSV.
        UnreadableLogException e = assertThrows(UnreadableLogException.class, () -> Reads.read("t.gpx",
                Reads.open("gpx/gpx11-garmin.gpx"), LogsConfig.DEFAULTS, LogFormat.CSV));
        assertTrue(e.getMessage().contains("CSV header has no"), e.getMessage());
    }

    @Test
    void read_binaryJunk_failsWithOneClearMessage() {
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        junk[0] = 0x00;
        UnreadableLogException e = refusal("blob.csv", junk, LogsConfig.DEFAULTS);
        assertEquals("blob.csv", e.inputName());
        assertTrue(e.getMessage().startsWith("blob.csv: binary content, not a drive log"), e.getMessage());
    }

    @Test
    void read_utf16Text_failsAskingForUtf8() {
        byte[] utf16 = "\uFEFFtime,lat,lon\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        assertEquals("excel.csv: UTF-16 text; drive logs are read as UTF-8 (save or export the file as UTF-8)",
                refusal("excel.csv", utf16, LogsConfig.DEFAULTS).getMessage());
    }

    @Test
    void read_path_namesTheFileByItsName(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("fleet.csv");
        java.nio.file.Files.write(file, Reads.bytes("fleet/interleaved.csv"));
        int[] trips = {0};
        ReadReport report = new TripReader(LogsConfig.DEFAULTS).read(file, null, trip -> trips[0]++);
        assertEquals("fleet.csv", report.inputName());
        assertEquals(4, trips[0]);
    }

    @Test
    void fromId_knownAndUnknown() {
        assertEquals(LogFormat.NMEA, LogFormat.fromId(" NMEA"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogFormat.fromId("kml"));
        assertEquals("unknown log format 'kml': use csv, jsonl, nmea or gpx", e.getMessage());
    }

    @Test
    void read_binaryJunkWithFormatGiven_stillRefusedAsBinary() {
        byte[] junk = new byte[512];
        UnreadableLogException e = assertThrows(UnreadableLogException.class,
                () -> Reads.read("blob.csv", new ByteArrayInputStream(junk), LogsConfig.DEFAULTS, LogFormat.CSV));
        assertTrue(e.getMessage().startsWith("blob.csv: binary content"), e.getMessage());
    }

    @Test
    void read_unknownText_failsNamingWhatItStartsWith() {
        UnreadableLogException e = refusal("notes.txt", "hello world\nsecond line\n".getBytes(StandardCharsets.UTF_8),
                LogsConfig.DEFAULTS);
        assertEquals("notes.txt: not a recognised drive-log format (CSV with a header line, JSON Lines, NMEA 0183"
                + " or GPX); it starts with: 'hello world'", e.getMessage());
    }

    @Test
    void read_jsonArray_failsSayingJsonLinesAreExpected() {
        UnreadableLogException e = refusal("a.json", "[{\"lat\":1}]".getBytes(StandardCharsets.UTF_8), LogsConfig.DEFAULTS);
        assertTrue(e.getMessage().contains("a JSON array; drivelog reads JSON Lines"), e.getMessage());
    }

    @Test
    void read_zstdMagic_failsSayingUnsupported() {
        byte[] zstd = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0, 0, 0, 0};
        assertEquals("log.csv.zst: zstd-compressed: not supported, decompress it or use gzip",
                refusal("log.csv.zst", zstd, LogsConfig.DEFAULTS).getMessage());
    }

    @Test
    void read_truncatedGzipWithNothingReadable_fails() throws Exception {
        byte[] whole = Reads.bytes("fleet/interleaved.csv.gz");
        UnreadableLogException e = refusal("cut.csv.gz", Arrays.copyOf(whole, 12), LogsConfig.DEFAULTS);
        assertTrue(e.getMessage().startsWith("cut.csv.gz: truncated or corrupt gzip data with nothing readable"),
                e.getMessage());
    }

    @Test
    void read_truncatedGzipAfterSomeLines_keepsWhatCameBefore() throws Exception {
        StringBuilder csv = new StringBuilder("vehicle_id,time,lat,lon\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append("v,").append(1_763_712_000 + i).append(',').append(52.5 + i * 1e-5).append(",13.4\n");
        }
        byte[] whole = gzip(csv.toString().getBytes(StandardCharsets.UTF_8));
        Reads read = Reads.read("cut.csv.gz", new ByteArrayInputStream(Arrays.copyOf(whole, whole.length / 2)),
                LogsConfig.DEFAULTS, null);
        assertTrue(read.report().truncated());
        assertTrue(read.report().pointsInTrips() > 1000, read.report().summary());
        assertTrue(read.report().problems().stream().anyMatch(p -> p.contains("input ends early")));
    }

    @Test
    void read_gzipBomb_refusedByRatio() throws Exception {
        byte[] bomb = gzip(("time,lat,lon\n" + "x".repeat(8 << 20)).getBytes(StandardCharsets.UTF_8));
        UnreadableLogException e = refusal("bomb.csv.gz", bomb, LogsConfig.DEFAULTS);
        assertTrue(e.getMessage().contains("logs.max_decompression_ratio"), e.getMessage());
    }

    @Test
    void read_overMaxInputBytes_refusedNamingTheKey() throws Exception {
        byte[] data = Reads.bytes("fleet/interleaved.csv");
        UnreadableLogException e = refusal("big.csv", data, Reads.config("max_input_bytes: 500"));
        assertEquals("big.csv: larger than logs.max_input_bytes (500 bytes)", e.getMessage());
    }

    @Test
    void read_overMaxDecompressedBytes_refusedNamingTheKey() throws Exception {
        byte[] data = Reads.bytes("fleet/interleaved.csv.gz");
        UnreadableLogException e = refusal("big.csv.gz", data, Reads.config("max_decompressed_bytes: 600"));
        assertEquals("big.csv.gz: larger than logs.max_decompressed_bytes (600 bytes)", e.getMessage());
    }

    @Test
    void read_hugeSingleLine_skippedWithoutBufferingIt() throws Exception {
        long hugeBytes = 100L << 20;
        InputStream in = new java.io.SequenceInputStream(java.util.Collections.enumeration(java.util.List.of(
                new ByteArrayInputStream("time,lat,lon\n2026-11-21T08:00:00Z,52.5,13.4\n".getBytes(StandardCharsets.UTF_8)),
                new RepeatedByteStream('7', hugeBytes),
                new ByteArrayInputStream("\n2026-11-21T08:00:01Z,52.5001,13.4\n".getBytes(StandardCharsets.UTF_8)))));
        Reads read = Reads.read("huge.csv", in, LogsConfig.DEFAULTS, null);
        assertEquals(1, read.report().oversizedLines());
        assertEquals(java.util.List.of("huge.csv line 3: line longer than logs.max_line_bytes (1048576 bytes), skipped"),
                read.report().problems());
        assertEquals(2, read.trips().getFirst().count(), "the lines around it are read");
        assertEquals(4, read.report().lines());
    }

    @Test
    void read_emptyInput_noTripsAndANote() throws Exception {
        Reads read = Reads.text("empty.csv", "", LogsConfig.DEFAULTS);
        assertEquals(0, read.trips().size());
        assertEquals("empty", read.report().format());
        assertEquals("empty.csv: empty input, no trips", read.report().problems().getFirst());
    }

    @Test
    void read_consumerFails_itsExceptionPropagates() {
        IOException failure = new IOException("disk full");
        IOException thrown = assertThrows(IOException.class, () -> new TripReader(LogsConfig.DEFAULTS)
                .read("f.csv", Reads.open("fleet/interleaved.csv"), null, trip -> {
                    throw failure;
                }));
        assertSame(failure, thrown);
    }

    @Test
    void read_inputStream_isNotClosedByTheReader() throws Exception {
        boolean[] closed = {false};
        InputStream in = new FilterInputStream(Reads.open("fleet/interleaved.csv")) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        new TripReader(LogsConfig.DEFAULTS).read("f.csv", in, null, trip -> { });
        assertFalse(closed[0]);
        in.close();
    }

    @Test
    void read_configFormat_isUsedWhenNotAuto() throws Exception {
        ReadReport report = new TripReader(Reads.config("format: jsonl"))
                .read("x.csv", Reads.open("jsonl/osmand.jsonl"), trip -> { });
        assertEquals("jsonl", report.format());
        assertTrue(report.problems().isEmpty(), "no mismatch note when the format is given");
    }

    /** {@code count} copies of one byte, produced on the fly. */
    private static final class RepeatedByteStream extends InputStream {
        private final byte value;
        private long remaining;

        RepeatedByteStream(char value, long count) {
            this.value = (byte) value;
            this.remaining = count;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            return value;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            Arrays.fill(b, off, off + n, value);
            remaining -= n;
            return n;
        }
    }
}
