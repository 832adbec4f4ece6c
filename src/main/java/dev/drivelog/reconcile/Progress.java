package dev.drivelog.reconcile;

import java.io.PrintStream;

/**
 * A progress line on stderr while a reconcile pass runs: rewritten in place on a terminal, one line
 * at most every second otherwise, so a log of a long pass stays short.
 */
public final class Progress {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private long lastNanos = System.nanoTime();

    public Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Shows nothing; for tests and library use. */
    public static Progress silent() {
        return new Progress(null, false);
    }

    void update(long listed, long missing, long delivered, boolean last) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (!last && now - lastNanos < INTERVAL_NANOS) {
            return;
        }
        lastNanos = now;
        String line = "reconcile: listed " + listed + ", missing " + missing + ", enqueued " + delivered;
        if (terminal) {
            out.print("\r" + line + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }
}
