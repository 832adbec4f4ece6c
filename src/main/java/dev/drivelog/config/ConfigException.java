package dev.drivelog.config;

/**
 * A configuration value that is refused: unknown key, wrong type, out of range, or a YAML syntax
 * error. The message names the key path (e.g. {@code logs.trip_gap_seconds}) and, where known, the
 * file and line or the environment variable that set it.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String keyPath;

    /** @param keyPath the dotted key path, or "" when the problem is not one key's (e.g. syntax) */
    public ConfigException(String keyPath, String problem) {
        super(keyPath.isEmpty() ? problem : keyPath + ": " + problem);
        this.keyPath = keyPath;
    }

    private ConfigException(String keyPath, String message, Throwable cause) {
        super(message, cause);
        this.keyPath = keyPath;
    }

    /** The same problem with where it came from (file and line, or environment variable) in front. */
    ConfigException withOrigin(String origin) {
        return new ConfigException(keyPath, origin + ": " + getMessage(), this);
    }

    public String keyPath() {
        return keyPath;
    }
}
