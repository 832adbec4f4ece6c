package dev.drivelog.job;

import java.io.IOException;

/**
 * A trip of an input could not be analysed for a reason a retry may remove (a timeout, a crashed or
 * killed engine child, an internal error). The whole input fails with it, as any I/O failure does: its
 * results are not committed, so the message comes back and the dead-letter queue keeps it if it never
 * passes, instead of a result that lacks the trip for good.
 */
public final class TransientTripFailureException extends IOException {
    private static final long serialVersionUID = 1L;

    public TransientTripFailureException(String inputName, String tripId, String reason, Throwable cause) {
        super(inputName + ": trip " + tripId + " failed, may pass on a retry: " + reason, cause);
    }
}
