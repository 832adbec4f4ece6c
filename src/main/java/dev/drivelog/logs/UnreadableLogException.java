package dev.drivelog.logs;

/**
 * A drive log that cannot be read at all: unknown or binary content, nothing readable in a truncated
 * file, a missing required column, or a size limit exceeded. The message names the input; this is
 * a permanent failure of that input, never worth a retry.
 */
public final class UnreadableLogException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String inputName;

    public UnreadableLogException(String inputName, String problem) {
        super(inputName + ": " + problem);
        this.inputName = inputName;
    }

    public UnreadableLogException(String inputName, String problem, Throwable cause) {
        super(inputName + ": " + problem, cause);
        this.inputName = inputName;
    }

    public String inputName() {
        return inputName;
    }
}
