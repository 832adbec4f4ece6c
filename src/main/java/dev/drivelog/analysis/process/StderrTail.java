package dev.drivelog.analysis.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Drains a child's stderr on a virtual thread (a full pipe would block the child) and keeps its last
 * lines, so that a crash can be reported with what the child said before dying.
 */
final class StderrTail {
    private static final int KEPT_LINES = 8;
    private static final int MAX_LINE_CHARS = 500;

    private final Deque<String> lines = new ArrayDeque<>();
    private final Thread reader;

    StderrTail(InputStream stderr, String childName) {
        reader = Thread.ofVirtual().name(childName + "-stderr").start(() -> drain(stderr));
    }

    private void drain(InputStream stderr) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                keep(line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + "..." : line);
            }
        } catch (IOException e) {
            // The child is gone; what was read so far is all there is.
        }
    }

    private synchronized void keep(String line) {
        if (lines.size() == KEPT_LINES) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    /** The last lines, joined with " | ", after waiting briefly for the reader to reach the end. */
    String text() {
        try {
            reader.join(java.time.Duration.ofMillis(500));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            return String.join(" | ", lines);
        }
    }
}
