package dev.drivelog.logs;

import java.io.IOException;

/**
 * A configured size limit was crossed while reading (input bytes, decompressed bytes or ratio).
 * An IOException so that it passes through stream code; TripReader turns it into an
 * {@link UnreadableLogException}.
 */
final class InputLimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    InputLimitExceededException(String message) {
        super(message);
    }
}
