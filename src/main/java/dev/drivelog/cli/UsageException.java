package dev.drivelog.cli;

/** A problem with what the user asked for (a missing file, a bad option value): exit code 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
