package dev.drivelog.storage;

import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Test HTTP layer ({@link S3Connection#withHttpLayer}) that answers like S3 for objects written while
 * a bucket's versioning is suspended: S3 gives each such write the version id {@code null}, replacing
 * the previous {@code null} version in place, and names it in {@code x-amz-version-id: null} on HEAD
 * and GET. S3Mock overwrites in place too but sends no version header; this layer adds it to object
 * HEADs and GETs that lack one. Path-style addressing only. Owns the HTTP clients it wraps.
 */
public final class NullVersionLayer extends ResponseRewritingLayer {
    private static final String VERSION_HEADER = "x-amz-version-id";

    @Override
    protected boolean rewrites(SdkHttpRequest http) {
        String path = http.encodedPath().startsWith("/") ? http.encodedPath().substring(1) : http.encodedPath();
        boolean objectKey = path.indexOf('/') > 0 && path.indexOf('/') < path.length() - 1;
        return objectKey && (http.method() == SdkHttpMethod.HEAD || http.method() == SdkHttpMethod.GET);
    }

    @Override
    protected HttpExecuteResponse rewrite(HttpExecuteResponse response) {
        if (!response.httpResponse().isSuccessful() || response.httpResponse().firstMatchingHeader(VERSION_HEADER).isPresent()) {
            return response;
        }
        return HttpExecuteResponse.builder()
                .response(response.httpResponse().toBuilder().putHeader(VERSION_HEADER, "null").build())
                .responseBody(response.responseBody().orElse(null)).build();
    }
}
