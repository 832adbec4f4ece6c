package dev.drivelog.analysis.process;

import dev.drivelog.analysis.AnalysisException;
import dev.drivelog.analysis.Analyzer;
import dev.drivelog.logs.Trip;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The subprocess binding: one {@code drivelog-analyze --serve} child (docs/ENGINE.md) serving trips
 * one at a time, so that a native crash takes down the child, never the JVM.
 *
 * <p>Failures stay with the trip that caused them:
 * <ul>
 *   <li>the child dies during a trip: a fresh child is started and the trip is tried once more; a
 *       second death makes it a permanent failure (the trip itself kills the engine), otherwise the
 *       first death was something else (e.g. the OOM killer) and the trip succeeds;</li>
 *   <li>a trip runs past the per-trip timeout: the child is killed and the trip fails, not
 *       permanently (a busy machine can be the cause), without a retry (that would double the wait);</li>
 *   <li>the engine refuses a trip's input (status 1): a permanent failure; the child goes on serving.</li>
 * </ul>
 * After a death or a timeout the next trip gets a fresh child. Used by one thread at a time.
 */
public final class ProcessAnalyzer implements Analyzer {
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    private final List<String> command;
    private final Duration tripTimeout;
    private final ServeFrames frames = new ServeFrames();
    private final Object watch = new Object();
    private Child child;
    private long requestSerial;
    private boolean timedOut;
    private int childrenStarted;

    /**
     * Starts the child and waits for its hello.
     *
     * @param command     the child's command line (see {@link #serveCommand})
     * @param tripTimeout the longest one trip (or the start-up) may take before the child is killed
     * @throws AnalysisException (permanent) when the child refuses to start: map missing or damaged,
     *                           a bad config key; the message carries the child's own
     */
    public ProcessAnalyzer(List<String> command, Duration tripTimeout) throws AnalysisException {
        if (tripTimeout.isNegative() || tripTimeout.isZero()) {
            throw new IllegalArgumentException("trip timeout must be positive, not " + tripTimeout);
        }
        this.command = List.copyOf(command);
        this.tripTimeout = tripTimeout;
        this.child = start();
    }

    /** The command line of a serving child: each {@code key=value} engine setting as a {@code --set}. */
    public static List<String> serveCommand(Path tool, Path map, List<String> engineLines) {
        List<String> command = new ArrayList<>(List.of(tool.toString(), "--serve", "--map", map.toString()));
        for (String line : engineLines) {
            command.add("--set");
            command.add(line);
        }
        return command;
    }

    @Override
    public String analyze(Trip trip) throws AnalysisException {
        return new String(analyzeUtf8(trip), StandardCharsets.UTF_8);
    }

    @Override
    public byte[] analyzeUtf8(Trip trip) throws AnalysisException {
        // Checked before a request starts: the framing cannot carry it, and the child need not die for it.
        if (trip.tripId().getBytes(StandardCharsets.UTF_8).length > ServeFrames.MAX_TRIP_ID_BYTES) {
            throw new AnalysisException("trip id longer than " + ServeFrames.MAX_TRIP_ID_BYTES + " bytes: "
                    + trip.tripId().substring(0, 80) + "...", true);
        }
        if (child == null) {
            child = start();
        }
        try {
            return attempt(trip);
        } catch (ChildDiedException first) {
            child = start();
            try {
                return attempt(trip);
            } catch (ChildDiedException second) {
                throw new AnalysisException("trip " + trip.tripId() + ": the native engine died on it twice ("
                        + first.getMessage() + "; then " + second.getMessage() + ")", true);
            }
        }
    }

    /** Children started so far, including restarts (for tests and statistics). */
    public int childrenStarted() {
        return childrenStarted;
    }

    /** The running child's process id, or -1 when none runs (for tests that kill it). */
    public long childPid() {
        return child == null ? -1 : child.process.pid();
    }

    private byte[] attempt(Trip trip) throws AnalysisException, ChildDiedException {
        Child current = child;
        CompletableFuture<Void> timer = arm(current);
        ServeFrames.Response response;
        try {
            frames.writeRequest(current.stdin, trip);
            response = frames.readResponse(current.stdout);
        } catch (IOException e) {
            boolean timeout = disarm(timer);
            child = null;
            String died = current.stop();
            if (timeout) {
                throw new AnalysisException("trip " + trip.tripId() + ": no result within " + tripTimeout.toMillis()
                        + " ms; the native engine was killed", false, e);
            }
            throw new ChildDiedException(e.getMessage() + ", " + died);
        }
        if (disarm(timer)) {
            // The timer fired just after the answer came: the answer stands, the killed child goes.
            child = null;
            current.stop();
        }
        return switch (response.status()) {
            case 0 -> response.payload();
            case 1 -> throw new AnalysisException("trip " + trip.tripId() + ": " + response.text(), true);
            default -> throw new AnalysisException("trip " + trip.tripId() + ": native engine error "
                    + response.status() + ": " + response.text(), false);
        };
    }

    private CompletableFuture<Void> arm(Child current) {
        long serial;
        synchronized (watch) {
            serial = ++requestSerial;
            timedOut = false;
        }
        return CompletableFuture.runAsync(() -> {
            synchronized (watch) {
                // Only the request this timer was armed for, and only while it is still running.
                if (requestSerial == serial) {
                    timedOut = true;
                    current.process.destroyForcibly();
                }
            }
        }, CompletableFuture.delayedExecutor(tripTimeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Stops the timer; returns whether it fired. */
    private boolean disarm(CompletableFuture<Void> timer) {
        timer.cancel(false);
        synchronized (watch) {
            requestSerial++;
            return timedOut;
        }
    }

    private Child start() throws AnalysisException {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new AnalysisException("cannot start " + command.getFirst() + ": " + e.getMessage(), true, e);
        }
        childrenStarted++;
        Child started = new Child(process, command.getFirst());
        CompletableFuture<Void> timer = arm(started);
        ServeFrames.Response hello;
        try {
            hello = frames.readResponse(started.stdout);
        } catch (IOException e) {
            boolean timeout = disarm(timer);
            String died = started.stop();
            throw new AnalysisException(command.getFirst() + (timeout ? " did not start within "
                    + tripTimeout.toMillis() + " ms" : " failed to start: " + e.getMessage() + ", " + died), !timeout, e);
        }
        disarm(timer);
        if (hello.status() != 0) {
            String died = started.stop();
            throw new AnalysisException(command.getFirst() + " refused to start: " + hello.text() + " (" + died + ")", true);
        }
        return started;
    }

    /** Ends the child: EOF on its stdin asks it to exit; it is killed if it does not. */
    @Override
    public void close() {
        if (child != null) {
            child.stop();
            child = null;
        }
    }

    /** The child died while serving a trip. */
    private static final class ChildDiedException extends Exception {
        private static final long serialVersionUID = 1L;

        ChildDiedException(String message) {
            super(message);
        }
    }

    /** One running child and its pipes. */
    private static final class Child {
        final Process process;
        final OutputStream stdin;
        final InputStream stdout;
        final StderrTail stderr;

        Child(Process process, String name) {
            this.process = process;
            this.stdin = new BufferedOutputStream(process.getOutputStream(), 64 * 1024);
            this.stdout = new BufferedInputStream(process.getInputStream(), 64 * 1024);
            this.stderr = new StderrTail(process.getErrorStream(), name);
        }

        /** Stops the child and describes how it ended, e.g. "exit code 134; stderr: ...". */
        String stop() {
            try {
                stdin.close();
            } catch (IOException e) {
                // Broken pipe: the child is already gone.
            }
            try {
                if (!process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            try {
                stdout.close();
            } catch (IOException e) {
                // Nothing more to read.
            }
            String how = process.isAlive() ? "still running" : describeExit(process.exitValue());
            String said = stderr.text();
            return said.isEmpty() ? how : how + "; stderr: " + said;
        }

        private static String describeExit(int code) {
            return code > 128 ? "exit code " + code + " (signal " + (code - 128) + ")" : "exit code " + code;
        }
    }
}
