package dev.drivelog.demo;

import java.io.IOException;

/**
 * Sees every request to an {@link EmbeddedS3} before S3Proxy handles it, on the server's request
 * thread, so that a test can hold a request (block) or refuse it (throw: the client gets a 500).
 * Used by crash tests to stop a client mid-upload at a known point.
 */
@FunctionalInterface
public interface S3RequestHook {
    /**
     * @param method HTTP method
     * @param path   decoded request path, path-style: {@code /bucket/key}
     * @param query  raw query string, or null
     */
    void before(String method, String path, String query) throws IOException;
}
