package dev.drivelog.storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Test HTTP layer ({@link S3Connection#withHttpLayer}) that answers like S3 for objects written while
 * a bucket's versioning is suspended: S3 gives each such write the version id {@code null}, replacing
 * the previous {@code null} version in place, and names it in {@code x-amz-version-id: null} on HEAD
 * and GET. S3Mock overwrites in place too but sends no version header; this layer adds it to object
 * HEADs and GETs that lack one. Path-style addressing only. Owns the HTTP clients it wraps.
 */
public final class NullVersionLayer implements AutoCloseable {
    private static final String VERSION_HEADER = "x-amz-version-id";

    private final List<SdkHttpClient> wrapped = new ArrayList<>();

    /** Pass to {@link S3Connection#withHttpLayer}. */
    public synchronized SdkHttpClient wrap(SdkHttpClient delegate) {
        wrapped.add(delegate);
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                ExecutableHttpRequest sent = delegate.prepareRequest(request);
                return isObjectRead(request.httpRequest()) ? withNullVersion(sent) : sent;
            }

            @Override
            public String clientName() {
                return "null-version-" + delegate.clientName();
            }

            @Override
            public void close() {
                // closed with the layer: the SDK does not close an HTTP client it was handed
            }
        };
    }

    private static boolean isObjectRead(SdkHttpRequest http) {
        String path = http.encodedPath().startsWith("/") ? http.encodedPath().substring(1) : http.encodedPath();
        boolean objectKey = path.indexOf('/') > 0 && path.indexOf('/') < path.length() - 1;
        return objectKey && (http.method() == SdkHttpMethod.HEAD || http.method() == SdkHttpMethod.GET);
    }

    private static ExecutableHttpRequest withNullVersion(ExecutableHttpRequest sent) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                HttpExecuteResponse response = sent.call();
                if (!response.httpResponse().isSuccessful()
                        || response.httpResponse().firstMatchingHeader(VERSION_HEADER).isPresent()) {
                    return response;
                }
                return HttpExecuteResponse.builder()
                        .response(response.httpResponse().toBuilder().putHeader(VERSION_HEADER, "null").build())
                        .responseBody(response.responseBody().orElse(null)).build();
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
