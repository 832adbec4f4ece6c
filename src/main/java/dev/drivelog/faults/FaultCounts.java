package dev.drivelog.faults;

/**
 * What an {@link S3FaultInjector} injected so far.
 *
 * @param slowDowns      503 SlowDown answers (the request never reached the server)
 * @param internalErrors 500 InternalError answers (the request never reached the server)
 * @param resets         GET responses cut off mid-body with a connection reset
 * @param slowResponses  requests delayed before they were sent
 */
public record FaultCounts(long slowDowns, long internalErrors, long resets, long slowResponses) {
    public long total() {
        return slowDowns + internalErrors + resets + slowResponses;
    }
}
