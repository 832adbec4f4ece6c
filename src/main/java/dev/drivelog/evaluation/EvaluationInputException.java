package dev.drivelog.evaluation;

/** A truth or result file that is missing or malformed; the message names the file and what is wrong. */
public final class EvaluationInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EvaluationInputException(String message) {
        super(message);
    }

    public EvaluationInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
