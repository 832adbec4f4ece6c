package dev.drivelog.storage;

import java.io.IOException;

/**
 * An object's content ended before its size (a connection closed early that looked like the end of
 * the body), or went past it. A retry reads it whole; what was read must never be taken for the object.
 */
public final class ShortReadException extends IOException {
    private static final long serialVersionUID = 1L;

    public ShortReadException(ObjectInfo object, long bytesRead) {
        super("s3://" + object.bucket() + "/" + object.key() + ": read " + bytesRead + " bytes of " + object.sizeBytes()
                + (bytesRead < object.sizeBytes() ? ": the content ended early" : ": more than the object holds"));
    }
}
