package dev.drivelog.faults;

/**
 * What a {@link FaultInjector} injected so far.
 *
 * @param unavailable    503 answers (S3 SlowDown, SQS ServiceUnavailable; the request never reached the server)
 * @param internalErrors 500 answers (the request never reached the server)
 * @param resets         responses cut off mid-body with a connection reset
 * @param slowResponses  requests delayed before they were sent
 */
public record FaultCounts(long unavailable, long internalErrors, long resets, long slowResponses) {
    public long total() {
        return unavailable + internalErrors + resets + slowResponses;
    }
}
