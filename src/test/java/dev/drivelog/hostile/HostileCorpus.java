package dev.drivelog.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * A generated corpus of bad inputs (deterministic by seed): broken compression, decompression
 * bombs, binary junk, non-numbers, impossible coordinates and times, too many vehicles, invalid
 * UTF-8, hostile keys, and malformed SQS bodies and S3 notifications. Nothing is kept in the
 * repository; the 100 MB line is streamed by {@link #HUGE_LINE_BYTES} at upload time.
 */
final class HostileCorpus {
    static final long HUGE_LINE_BYTES = 100L * 1024 * 1024;
    static final String HUGE_LINE_KEY = "hostile/huge-line/100mb-single-line.csv";

    /** An object to upload and process. */
    record Input(String kind, String key, byte[] content) {}

    /** A message body to process as it is. */
    record Body(String kind, String body) {}

    private final Random random = new Random(2026);
    private final String bucket;

    HostileCorpus(String bucket) {
        this.bucket = bucket;
    }

    static String csv(int rows) {
        StringBuilder csv = new StringBuilder("time,lat,lon,speed,vehicle_id\n");
        for (int i = 0; i < rows; i++) {
            csv.append("2026-11-21T08:").append(String.format("%02d:%02d", i / 60 % 60, i % 60)).append("Z,")
                    .append(52.5 + i * 1e-4).append(",13.4,10,car-1\n");
        }
        return csv.toString();
    }

    List<Input> inputs() {
        List<Input> inputs = new ArrayList<>();
        truncatedGzip(inputs);
        gzipBombs(inputs);
        longLines(inputs);
        binaryJunk(inputs);
        nonNumbers(inputs);
        outOfRange(inputs);
        timeBackwards(inputs);
        manyVehicles(inputs);
        invalidUtf8(inputs);
        hostileKeys(inputs);
        return inputs;
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Gzip of {@code total} bytes repeating {@code unit}, compressed as it is produced. */
    private static byte[] gzipRepeated(byte[] head, byte[] unit, long total) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            gz.write(head);
            byte[] block = new byte[64 * 1024 / unit.length * unit.length];
            for (int i = 0; i < block.length; i++) {
                block[i] = unit[i % unit.length];
            }
            for (long written = head.length; written < total; written += block.length) {
                gz.write(block);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void truncatedGzip(List<Input> inputs) {
        byte[] whole = gzip(csv(500).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 20; i++) {
            int cut = 1 + random.nextInt(whole.length - 1);
            byte[] truncated = java.util.Arrays.copyOf(whole, cut);
            inputs.add(new Input("truncated gzip", "hostile/truncated/t" + i + ".csv.gz", truncated));
        }
    }

    private void gzipBombs(List<Input> inputs) {
        long size = 64L * 1024 * 1024;
        byte[] header = "time,lat,lon,speed,vehicle_id\n".getBytes(StandardCharsets.UTF_8);
        inputs.add(new Input("gzip bomb", "hostile/bomb/zeros.csv.gz", gzipRepeated(new byte[0], new byte[] {0}, size)));
        inputs.add(new Input("gzip bomb", "hostile/bomb/newlines.csv.gz", gzipRepeated(header, "\n".getBytes(StandardCharsets.UTF_8), size)));
        inputs.add(new Input("gzip bomb", "hostile/bomb/one-line.csv.gz", gzipRepeated(header, "a".getBytes(StandardCharsets.UTF_8), size)));
        inputs.add(new Input("gzip bomb", "hostile/bomb/same-row.csv.gz", gzipRepeated(header,
                "2026-11-21T08:00:00Z,52.5,13.4,10,car-1\n".getBytes(StandardCharsets.UTF_8), size)));
        inputs.add(new Input("gzip bomb", "hostile/bomb/nested.csv.gz.gz", gzip(gzipRepeated(header,
                "\n".getBytes(StandardCharsets.UTF_8), size))));
    }

    private void longLines(List<Input> inputs) {
        for (int i = 0; i < 5; i++) {
            int length = (2 << 20) + i * 4096;
            StringBuilder line = new StringBuilder(length + 100);
            line.append("time,lat,lon,speed,vehicle_id\n2026-11-21T08:00:00Z,52.5,13.4,10,");
            while (line.length() < length) {
                line.append(i % 2 == 0 ? "x" : "\"quoted,");
            }
            inputs.add(new Input("long line", "hostile/long-line/l" + i + ".csv", line.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private void binaryJunk(List<Input> inputs) {
        byte[][] magics = {{}, {0x1f, (byte) 0x8b}, {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}, {'P', 'K', 3, 4}, {'B', 'Z', 'h'},
            {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}};
        for (int i = 0; i < 60; i++) {
            byte[] magic = magics[i % magics.length];
            byte[] junk = new byte[magic.length + 1 + random.nextInt(i < 50 ? 4096 : 65536)];
            random.nextBytes(junk);
            System.arraycopy(magic, 0, junk, 0, magic.length);
            inputs.add(new Input("binary junk", "hostile/junk/j" + i + ".bin", junk));
        }
    }

    private void nonNumbers(List<Input> inputs) {
        String[] values = {"NaN", "Infinity", "-Infinity", "nan", "inf", "1e999", "-1e999"};
        String[] columns = {"time", "lat", "lon", "speed"};
        int n = 0;
        for (String column : columns) {
            for (String value : values) {
                StringBuilder csv = new StringBuilder(csv(20));
                csv.append(switch (column) {
                    case "time" -> value + ",52.6,13.4,10,car-1\n";
                    case "lat" -> "2026-11-21T09:00:00Z," + value + ",13.4,10,car-1\n";
                    case "lon" -> "2026-11-21T09:00:00Z,52.6," + value + ",10,car-1\n";
                    default -> "2026-11-21T09:00:00Z,52.6,13.4," + value + ",car-1\n";
                });
                csv.append(csv(5).substring(csv(0).length()).replace("T08:", "T09:"));
                inputs.add(new Input("NaN/Infinity", "hostile/nan/n" + n++ + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
            }
        }
        for (String value : values) {
            String jsonl = "{\"time\":\"2026-11-21T08:00:00Z\",\"lat\":52.5,\"lon\":13.4}\n"
                    + "{\"time\":\"2026-11-21T08:00:01Z\",\"lat\":" + value + ",\"lon\":13.4,\"speed\":" + value + "}\n"
                    + "{\"time\":\"2026-11-21T08:00:02Z\",\"lat\":52.5002,\"lon\":13.4}\n";
            inputs.add(new Input("NaN/Infinity", "hostile/nan/n" + n++ + ".jsonl", jsonl.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private void outOfRange(List<Input> inputs) {
        String[][] coordinates = {{"91", "13.4"}, {"-91", "13.4"}, {"1000", "13.4"}, {"90.0000001", "13.4"}, {"1e308", "13.4"},
            {"52.5", "181"}, {"52.5", "-181"}, {"52.5", "360"}, {"52.5", "1e308"}, {"0", "0"}};
        for (int i = 0; i < coordinates.length; i++) {
            StringBuilder csv = new StringBuilder("time,lat,lon,speed,vehicle_id\n");
            for (int t = 0; t < 10; t++) {
                csv.append("2026-11-21T08:00:0").append(t).append("Z,").append(coordinates[i][0]).append(',')
                        .append(coordinates[i][1]).append(",10,car-1\n");
            }
            inputs.add(new Input("out-of-range coordinates", "hostile/range/r" + i + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private void timeBackwards(List<Input> inputs) {
        String[][] times = {
            {"2026-11-21T08:00:05Z", "2026-11-21T08:00:04Z", "2026-11-21T08:00:03Z"},
            {"2026-11-21T08:00:00Z", "2026-11-21T07:00:00Z", "2026-11-21T08:00:01Z"},
            {"2026-11-21T08:00:00Z", "2026-11-21T08:00:00Z", "2026-11-21T08:00:00Z"},
            {"0", "1", "2"},
            {"-1000", "-999", "-998"},
            {"9999-12-31T23:59:59Z", "9999-12-31T23:59:58Z", "0001-01-01T00:00:00Z"},
            {"1795176000", "1795176000000", "1795176001"},
            {"2026-11-21T08:00:00Z", "1970-01-01T00:00:00Z", "2026-11-21T08:00:02Z"},
            {"2026-11-21T08:00:00+14:00", "2026-11-21T08:00:00-12:00", "2026-11-21T08:00:00Z"},
            {"2026-02-30T08:00:00Z", "2026-11-21T25:61:61Z", "2026-11-21T08:00:00Z"},
        };
        for (int i = 0; i < times.length; i++) {
            StringBuilder csv = new StringBuilder("time,lat,lon,speed,vehicle_id\n");
            for (int t = 0; t < times[i].length; t++) {
                csv.append(times[i][t]).append(',').append(52.5 + t * 1e-4).append(",13.4,10,car-1\n");
            }
            inputs.add(new Input("time going backwards", "hostile/time/t" + i + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private void manyVehicles(List<Input> inputs) {
        int[] vehicles = {5_000, 20_000, 60_000};
        for (int count : vehicles) {
            StringBuilder csv = new StringBuilder("time,lat,lon,speed,vehicle_id\n");
            for (int v = 0; v < count; v++) {
                csv.append("2026-11-21T08:00:00Z,52.5,13.4,10,vehicle-").append(v).append('\n');
                csv.append("2026-11-21T08:00:01Z,52.5001,13.4,10,vehicle-").append(v).append('\n');
            }
            inputs.add(new Input("huge vehicle count", "hostile/vehicles/v" + count + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private void invalidUtf8(List<Input> inputs) {
        byte[][] bad = {{(byte) 0xc0, (byte) 0x80}, {(byte) 0xff}, {(byte) 0xfe, (byte) 0xff}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}};
        String[] places = {"header", "time", "vehicle"};
        int n = 0;
        for (byte[] sequence : bad) {
            for (String place : places) {
                if (n == 20) {
                    return;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                String before = switch (place) {
                    case "header" -> "time,lat,lon,speed,vehicle_";
                    case "time" -> "time,lat,lon,speed,vehicle_id\n2026-11-21T08:00:0";
                    default -> "time,lat,lon,speed,vehicle_id\n2026-11-21T08:00:00Z,52.5,13.4,10,car";
                };
                out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
                out.writeBytes(sequence);
                out.writeBytes(("\n" + csv(10).substring(csv(0).length())).getBytes(StandardCharsets.UTF_8));
                inputs.add(new Input("invalid UTF-8", "hostile/utf8/u" + n++ + ".csv", out.toByteArray()));
            }
        }
    }

    private void hostileKeys(List<Input> inputs) {
        byte[] good = csv(10).getBytes(StandardCharsets.UTF_8);
        String[] keys = {"../escape.csv", "hostile/keys/../../etc/passwd", "hostile/keys/%00.csv", "hostile/keys/a\u0000b.csv",
            "hostile/keys/" + "k".repeat(1000) + ".csv", "hostile/keys/..", "hostile/keys/.", "hostile/keys/ spaced key .csv",
            "hostile/keys/ünïcödé-車.csv", "hostile/keys/%2e%2e%2fup.csv", "hostile/keys/back\\slash.csv",
            "hostile/keys/new\nline.csv", "hostile/keys/quote\"and'apostrophe.csv", "hostile/keys/plus+sign.csv",
            "hostile/keys/results/looks-like-output.csv"};
        for (String key : keys) {
            inputs.add(new Input("hostile key", key, good));
        }
    }

    /** Malformed SQS bodies and S3 notifications; none names an object that exists. */
    List<Body> bodies() {
        List<Body> bodies = new ArrayList<>();
        String[] sqs = {"", " ", "null", "true", "42", "\"text\"", "[]", "{}", "[1,2]", "[null]", "{\"bucket\":1,\"key\":2}",
            "{\"bucket\":\"" + bucket + "\"}", "{\"key\":\"k\"}", "{\"bucket\":\"\",\"key\":\"\"}", "{\"bucket\":\"" + bucket,
            "<xml/>", "not json at all", "{\"bucket\":\"" + bucket + "\",\"key\":\"missing.csv\",\"versionId\":7}",
            "[".repeat(100_000), "{\"a\":".repeat(50_000), "\"" + "x".repeat(200_000) + "\"", "\u0000\u0001\u0002",
            "{\"bucket\":\"" + bucket + "\",\"key\":\"hostile/none.csv\"}", "[{\"bucket\":\"" + bucket + "\",\"key\":\"a\"},7]",
            "{\"bucket\":null,\"key\":null}", "{\"bucket\":[\"b\"],\"key\":{\"k\":1}}", "\uFEFF{}", "{\"Type\":\"Notification\"}",
            "{\"Type\":\"Notification\",\"Message\":7}", "{\"Type\":\"Notification\",\"Message\":\"{not json\"}"};
        for (String body : sqs) {
            bodies.add(new Body("malformed SQS body", body));
        }
        String record = "{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"" + bucket + "\"},\"object\":{\"key\":\"KEY\",\"size\":SIZE}}}";
        String[] s3 = {"{\"Records\":[]}", "{\"Records\":null}", "{\"Records\":{}}", "{\"Records\":[null]}", "{\"Records\":[7]}", "{\"Records\":[{}]}",
            "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\"}]}", "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{}}]}",
            "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{},\"object\":{}}}]}",
            "{\"Records\":[" + record.replace("KEY", "%zz").replace("SIZE", "1") + "]}",
            "{\"Records\":[" + record.replace("KEY", "%").replace("SIZE", "1") + "]}",
            "{\"Records\":[" + record.replace("KEY", "%00").replace("SIZE", "1") + "]}",
            "{\"Records\":[" + record.replace("KEY", "..%2F..%2Fetc%2Fpasswd").replace("SIZE", "1") + "]}",
            "{\"Records\":[" + record.replace("KEY", "a".repeat(5000)).replace("SIZE", "1") + "]}",
            "{\"Records\":[" + record.replace("KEY", "x.csv").replace("SIZE", "-5") + "]}",
            "{\"Records\":[" + record.replace("KEY", "x.csv").replace("SIZE", "1e400") + "]}",
            "{\"Records\":[" + record.replace("KEY", "x.csv").replace("SIZE", "\"big\"") + "]}",
            "{\"Records\":[" + record.replace("KEY", "").replace("SIZE", "1") + "]}",
            "{\"Records\":[" + record.replace("ObjectCreated:Put", "ObjectRemoved:Delete").replace("KEY", "x.csv").replace("SIZE", "1") + "]}",
            "{\"Records\":[" + record.replace("\"ObjectCreated:Put\"", "7").replace("KEY", "x.csv").replace("SIZE", "1") + "]}",
            "{\"Records\":[" + record.replace(bucket, "").replace("KEY", "x.csv").replace("SIZE", "1") + "]}",
            "{\"Records\":[" + record.replace("KEY", "x.csv").replace("SIZE", "1") + "," + "7" + "]}",
            "{\"Records\":[" + record.replace("KEY", "x.csv").replace("SIZE", "1").substring(0, 60) + "]}",
            "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\"}", "{\"Event\":\"s3:TestEvent\",\"Bucket\":7}",
            "{\"source\":\"aws.s3\",\"detail-type\":\"Object Created\"}",
            "{\"source\":\"aws.s3\",\"detail-type\":\"Object Created\",\"detail\":{\"bucket\":{\"name\":7},\"object\":{}}}",
            "{\"source\":\"aws.s3\",\"detail-type\":\"Object Created\",\"detail\":{\"bucket\":{\"name\":\"" + bucket
                    + "\"},\"object\":{\"key\":\"missing\\u0000.csv\"}}}",
            "{\"Type\":\"Notification\",\"Message\":\"{\\\"Records\\\":[{\\\"s3\\\":null}]}\"}",
            "{\"Records\":[" + (record.replace("KEY", "x.csv").replace("SIZE", "1") + ",").repeat(99) + "{}]}"};
        for (String body : s3) {
            bodies.add(new Body("malformed S3 notification", body));
        }
        return bodies;
    }
}
