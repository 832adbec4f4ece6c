package dev.drivelog.storage;

import java.io.IOException;

/**
 * S3 refuses to say anything about the object, and will answer every retry the same way: access
 * denied (403: another account's bucket, a key the role may not read, a bucket owner other than the
 * expected one) or a request it will never accept for this key (400).
 */
public final class ObjectUnreadableException extends IOException {
    private static final long serialVersionUID = 1L;

    public ObjectUnreadableException(String message) {
        super(message);
    }
}
