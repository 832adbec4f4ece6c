package dev.drivelog.analysis;

/** One trip could not be analysed; {@link #permanent()} says whether trying again could help. */
public final class AnalysisException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean permanent;

    public AnalysisException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public AnalysisException(String message, boolean permanent) {
        this(message, permanent, null);
    }

    /** True for bad input (retrying gives the same answer); false for crashes, timeouts, resource limits. */
    public boolean permanent() {
        return permanent;
    }
}
