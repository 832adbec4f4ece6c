package dev.drivelog.observability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes log lines in Lambda's JSON log format ({@code timestamp}, {@code level}, {@code message},
 * {@code requestId}) plus the fields of a {@link LogContext} and any extra fields, one JSON object
 * per line. Lines from concurrent jobs never interleave: each line is one synchronized print.
 * The minimum level comes from {@code AWS_LAMBDA_LOG_LEVEL} (as Lambda's advanced logging controls set it).
 */
public final class JsonLog {
    /** Severity, lowest first. */
    public enum Level { DEBUG, INFO, WARN, ERROR }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final Level minimum;

    public JsonLog(PrintStream out, Level minimum) {
        this.out = out;
        this.minimum = minimum;
    }

    /** Logs to standard output at the level Lambda configured (INFO when unset or unknown). */
    public static JsonLog toStandardOutput() {
        return new JsonLog(System.out, levelFrom(System.getenv("AWS_LAMBDA_LOG_LEVEL")));
    }

    static Level levelFrom(String name) {
        if (name == null) {
            return Level.INFO;
        }
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE", "DEBUG" -> Level.DEBUG;
            case "WARN" -> Level.WARN;
            case "ERROR", "FATAL" -> Level.ERROR;
            default -> Level.INFO;
        };
    }

    public void info(LogContext context, String message, Map<String, ?> extra) {
        write(Level.INFO, context, message, extra);
    }

    public void warn(LogContext context, String message, Map<String, ?> extra) {
        write(Level.WARN, context, message, extra);
    }

    public void error(LogContext context, String message, Map<String, ?> extra) {
        write(Level.ERROR, context, message, extra);
    }

    public void write(Level level, LogContext context, String message, Map<String, ?> extra) {
        if (level.ordinal() < minimum.ordinal()) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level.name());
        line.put("message", message);
        line.putAll(context.fields());
        extra.forEach((name, value) -> line.putIfAbsent(name, value));
        print(line);
    }

    /** Prints one already built JSON object (e.g. an Embedded Metric Format line) as one line. */
    public void printRaw(Map<String, ?> object) {
        print(object);
    }

    private void print(Map<String, ?> object) {
        String text;
        try {
            text = JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            text = "{\"level\":\"ERROR\",\"message\":\"log line not serialisable: "
                    + e.getOriginalMessage().replace('"', '\'') + "\"}";
        }
        synchronized (out) {
            out.println(text);
        }
    }
}
