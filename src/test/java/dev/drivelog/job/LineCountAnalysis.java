package dev.drivelog.job;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small real analysis for testing the pipeline's mechanics without the native engine. Each line
 * of the input is a "point"; a line {@code violation <type>} counts a violation of that type.
 * Control lines: {@code reject} makes the input permanently unreadable, {@code fail} fails it
 * transiently (an IOException), {@code big <bytes>} writes a result file of that many bytes (for
 * multipart uploads), {@code fail-after-big <bytes>} writes that much and then fails. Writes
 * {@code summary.json} with the counts and {@code lines.txt} with the lines numbered.
 */
public final class LineCountAnalysis implements InputAnalysis {
    @Override
    public InputReport analyze(String name, InputStream input, OutputSink sink) throws IOException, InputRejectedException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        Map<String, Integer> violations = new TreeMap<>();
        List<String> outputs = new ArrayList<>();
        long points = 0;
        try (OutputStream lines = sink.open("lines.txt", "text/plain")) {
            outputs.add("lines.txt");
            String line;
            while ((line = reader.readLine()) != null) {
                points++;
                lines.write((points + ": " + line + "\n").getBytes(StandardCharsets.UTF_8));
                String[] words = line.trim().split("\\s+");
                switch (words[0]) {
                    case "reject" -> throw new InputRejectedException(name + " line " + points + ": rejected on request");
                    case "fail" -> throw new IOException(name + " line " + points + ": transient failure on request");
                    case "violation" -> violations.merge(words[1], 1, Integer::sum);
                    case "big" -> outputs.add(writeBig(sink, Long.parseLong(words[1]), false));
                    case "fail-after-big" -> writeBig(sink, Long.parseLong(words[1]), true);
                    default -> { }
                }
            }
        }
        StringBuilder summary = new StringBuilder("{\"input\":\"").append(name.replace("\"", "\\\""))
                .append("\",\"points\":").append(points).append(",\"violations\":{");
        violations.forEach((type, count) -> summary.append('"').append(type).append("\":").append(count).append(','));
        if (!violations.isEmpty()) {
            summary.setLength(summary.length() - 1);
        }
        summary.append("}}");
        try (OutputStream out = sink.open("summary.json", "application/json")) {
            out.write(summary.toString().getBytes(StandardCharsets.UTF_8));
        }
        outputs.add("summary.json");
        return new InputReport(1, points, violations, 0, outputs, List.of());
    }

    private static String writeBig(OutputSink sink, long bytes, boolean failAtEnd) throws IOException {
        byte[] block = new byte[64 * 1024];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) ('a' + i % 26);
        }
        try (OutputStream out = sink.open("big.bin", "application/octet-stream")) {
            long left = bytes;
            while (left > 0) {
                int n = (int) Math.min(block.length, left);
                out.write(block, 0, n);
                left -= n;
            }
            if (failAtEnd) {
                throw new IOException("failing after writing " + bytes + " bytes, on request");
            }
        }
        return "big.bin";
    }
}
