package dev.drivelog.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.handler.HandlerWrapper;
import org.jclouds.blobstore.BlobStore;

/**
 * Adds S3's conditional create ({@code PUT} with {@code If-None-Match: *}, answered with 412
 * Precondition Failed when the key exists) to S3Proxy 2.6, which honours that header on GET and
 * HEAD only. Conditional PUTs of one key are serialised, so of two concurrent ones exactly one
 * succeeds, as on S3. Expects path-style requests ({@code /bucket/key}).
 */
final class ConditionalPutHandler extends HandlerWrapper {
    private final BlobStore blobStore;
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    ConditionalPutHandler(BlobStore blobStore) {
        this.blobStore = blobStore;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, jakarta.servlet.ServletException {
        String condition = request.getHeader("If-None-Match");
        boolean conditionalCreate = "PUT".equals(request.getMethod()) && "*".equals(condition == null ? null : condition.trim())
                && request.getParameter("uploadId") == null;
        if (!conditionalCreate) {
            super.handle(target, baseRequest, request, response);
            return;
        }
        String path = URI.create("http://local" + request.getRequestURI()).getPath();
        int slash = path.indexOf('/', 1);
        if (slash < 0) {
            super.handle(target, baseRequest, request, response);
            return;
        }
        String bucket = path.substring(1, slash);
        String key = path.substring(slash + 1);
        ReentrantLock lock = locks.computeIfAbsent(bucket + "/" + key, k -> new ReentrantLock());
        lock.lock();
        try {
            if (blobStore.blobExists(bucket, key)) {
                baseRequest.setHandled(true);
                response.setStatus(412);
                response.setContentType("application/xml");
                byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>PreconditionFailed</Code>"
                        + "<Message>At least one of the pre-conditions you specified did not hold</Message>"
                        + "<Condition>If-None-Match</Condition></Error>").getBytes(StandardCharsets.UTF_8);
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
                return;
            }
            super.handle(target, baseRequest, request, response);
        } finally {
            lock.unlock();
        }
    }
}
