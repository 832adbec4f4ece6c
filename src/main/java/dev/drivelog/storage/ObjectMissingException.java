package dev.drivelog.storage;

import java.io.IOException;

/** The object (or the requested version) does not exist: retrying will not help. */
public final class ObjectMissingException extends IOException {
    private static final long serialVersionUID = 1L;

    public ObjectMissingException(String bucket, String key) {
        super("s3://" + bucket + "/" + key + " does not exist");
    }
}
