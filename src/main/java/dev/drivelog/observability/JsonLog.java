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
 *
 * <p>Metrics lines ({@link #printMetrics}) carry that level too: Lambda's log-level filter takes a JSON
 * line without a {@code level} for INFO and drops it under {@code ApplicationLogLevel: WARN}, which
 * would drop every metric with it. At exactly the configured level a metrics line always passes.
 */
public final class JsonLog {
    /** Severity, lowest first. */
    public enum Level { DEBUG, INFO, WARN, ERROR }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Lambda's application log levels, lowest first (TRACE and FATAL have no lines of their own here). */
    private static final java.util.List<String> LAMBDA_LEVELS = java.util.List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL");

    private final PrintStream out;
    private final Level minimum;
    private final String metricsLevel;

    public JsonLog(PrintStream out, Level minimum) {
        this(out, minimum, minimum.name());
    }

    private JsonLog(PrintStream out, Level minimum, String metricsLevel) {
        this.out = out;
        this.minimum = minimum;
        this.metricsLevel = metricsLevel;
    }

    /** Logs to standard output at the level Lambda configured (INFO when unset or unknown). */
    public static JsonLog toStandardOutput() {
        return forLambdaLevel(System.out, System.getenv("AWS_LAMBDA_LOG_LEVEL"));
    }

    /** Logs at the level named as in {@code AWS_LAMBDA_LOG_LEVEL} (TRACE .. FATAL; INFO when null or unknown). */
    public static JsonLog forLambdaLevel(PrintStream out, String lambdaLevel) {
        String name = lambdaLevel == null ? "" : lambdaLevel.trim().toUpperCase(Locale.ROOT);
        return new JsonLog(out, levelFrom(lambdaLevel), LAMBDA_LEVELS.contains(name) ? name : Level.INFO.name());
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

    /**
     * Prints one Embedded Metric Format object as one line, with {@code level} set to the configured
     * level so that Lambda's log-level filter keeps it whatever that level is (see the class comment).
     */
    public void printMetrics(Map<String, ?> emf) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", metricsLevel);
        line.putAll(emf);
        print(line);
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
