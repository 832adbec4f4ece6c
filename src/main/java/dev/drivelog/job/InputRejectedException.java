package dev.drivelog.job;

/** An input that can never be analysed (unreadable format, over a size limit): a permanent failure. */
public final class InputRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    public InputRejectedException(String message) {
        super(message);
    }

    public InputRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
