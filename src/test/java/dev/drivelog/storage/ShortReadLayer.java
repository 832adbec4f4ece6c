package dev.drivelog.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Test HTTP layer ({@link S3Connection#withHttpLayer}) for reads that end early without an error: the
 * next {@code times} GETs (whole or ranged) of keys containing {@code keyPart} answer with only the
 * first {@code keepBytes} of the body, and a Content-Length (and no checksum) to match, so that
 * neither the HTTP client nor the SDK can tell. What a connection closed early looks like to a reader
 * that trusts the end of the stream. Later GETs pass unchanged. Owns the HTTP clients it wraps.
 */
public final class ShortReadLayer extends ResponseRewritingLayer {
    private final String keyPart;
    private final int keepBytes;
    private final AtomicInteger left;
    private final AtomicInteger cutSoFar = new AtomicInteger();

    public ShortReadLayer(String keyPart, int keepBytes, int times) {
        this.keyPart = keyPart;
        this.keepBytes = keepBytes;
        this.left = new AtomicInteger(times);
    }

    /** GETs cut short so far. */
    public int cut() {
        return cutSoFar.get();
    }

    @Override
    protected boolean rewrites(SdkHttpRequest http) {
        return http.method() == SdkHttpMethod.GET && http.encodedPath().contains(keyPart);
    }

    @Override
    protected HttpExecuteResponse rewrite(HttpExecuteResponse response) throws IOException {
        if (!response.httpResponse().isSuccessful() || left.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
            return response;
        }
        byte[] body;
        try (InputStream in = response.responseBody().orElseThrow()) {
            body = in.readAllBytes();
        }
        byte[] kept = Arrays.copyOf(body, Math.min(keepBytes, body.length));
        cutSoFar.incrementAndGet();
        var headers = response.httpResponse().toBuilder().putHeader("Content-Length", Integer.toString(kept.length));
        response.httpResponse().headers().keySet().stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith("x-amz-checksum"))
                .toList().forEach(headers::removeHeader);
        return HttpExecuteResponse.builder().response(headers.build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(kept))).build();
    }
}
