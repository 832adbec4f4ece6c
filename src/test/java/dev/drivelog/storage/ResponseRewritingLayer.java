package dev.drivelog.storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * A test HTTP layer ({@link S3Connection#withHttpLayer}) that sends every request to the real server
 * and rewrites the answers to some of them, to play what the local server does not do. Owns the HTTP
 * clients it wraps (the SDK does not close a client it was handed) and closes them with itself.
 */
public abstract class ResponseRewritingLayer implements AutoCloseable {
    private final List<SdkHttpClient> wrapped = new ArrayList<>();

    /** Whether the answer to this request is rewritten. */
    protected abstract boolean rewrites(SdkHttpRequest request);

    /** The answer the SDK gets instead of {@code response} (which may be returned unchanged). */
    protected abstract HttpExecuteResponse rewrite(HttpExecuteResponse response) throws IOException;

    /** Pass to {@link S3Connection#withHttpLayer}. */
    public synchronized SdkHttpClient wrap(SdkHttpClient delegate) {
        wrapped.add(delegate);
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                ExecutableHttpRequest sent = delegate.prepareRequest(request);
                return rewrites(request.httpRequest()) ? rewriting(sent) : sent;
            }

            @Override
            public String clientName() {
                return getClass().getSimpleName() + "-" + delegate.clientName();
            }

            @Override
            public void close() {
                // closed with the layer
            }
        };
    }

    private ExecutableHttpRequest rewriting(ExecutableHttpRequest sent) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                return rewrite(sent.call());
            }

            @Override
            public void abort() {
                sent.abort();
            }
        };
    }

    @Override
    public synchronized void close() {
        wrapped.forEach(SdkHttpClient::close);
        wrapped.clear();
    }
}
