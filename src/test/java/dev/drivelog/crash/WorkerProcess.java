package dev.drivelog.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/drivelog worker} as a separate OS process (the launcher execs the JVM, so the process
 * is the JVM itself): its JSON log goes to a file. Closing kills it if it still runs.
 */
final class WorkerProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long EXIT_WAIT_SECONDS = 30;

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private WorkerProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts a worker on {@code queueUrl}; {@code environment} is added to this JVM's. */
    static WorkerProcess start(Map<String, String> environment, String queueUrl, int visibilitySeconds, Path logs, String name)
            throws IOException {
        Path repo = Path.of(System.getProperty("drivelog.repo.dir", "."));
        ProcessBuilder builder = new ProcessBuilder(repo.resolve("bin/drivelog").toString(), "worker", "--queue", queueUrl,
                "--batch-size", "10", "--visibility-timeout", Integer.toString(visibilitySeconds), "--wait", "1");
        builder.environment().putAll(environment);
        Path out = logs.resolve(name + ".log");
        Path err = logs.resolve(name + ".stderr");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new WorkerProcess(process, out, err);
    }

    /** SIGKILL, as when the host or the container dies: no shutdown hook, no finally block runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("worker did not die within " + EXIT_WAIT_SECONDS + " s of SIGKILL");
        }
    }

    /** SIGTERM, the graceful stop (the batch in hand finishes); the JVM then exits with 143 (128 + SIGTERM). */
    void stop() throws InterruptedException, IOException {
        process.destroy();
        if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("worker did not stop within " + EXIT_WAIT_SECONDS + " s of SIGTERM; stderr: "
                    + Files.readString(stderr));
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The {@code message} of every JSON log line written so far. */
    List<String> logMessages() throws IOException {
        return logLines().stream().map(line -> line.get("message").asText()).toList();
    }

    /** The {@code objectKey} of every job log line whose message starts with {@code messageStart}. */
    Set<String> keysLogged(String messageStart) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (JsonNode line : logLines()) {
            if (line.get("message").asText().startsWith(messageStart) && line.has("objectKey")) {
                keys.add(line.get("objectKey").asText());
            }
        }
        return keys;
    }

    /** Log lines with a message (the metrics lines have none). */
    private List<JsonNode> logLines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(stdout)) {
            if (line.startsWith("{")) {
                JsonNode node = JSON.readTree(line);
                if (node.has("message")) {
                    lines.add(node);
                }
            }
        }
        return lines;
    }

    /** What the worker said on stderr, for failure messages. */
    String stderr() throws IOException {
        return Files.readString(stderr);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
