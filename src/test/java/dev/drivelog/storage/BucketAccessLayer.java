package dev.drivelog.storage;

import dev.drivelog.faults.ErrorAnswer;
import dev.drivelog.faults.FaultedService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Test HTTP layer between the SDK and the local S3 server ({@link S3Connection#withHttpLayer}) that
 * plays S3's account rules, which the local server does not know: a bucket can belong to another
 * account (a request naming a different expected owner gets 403 AccessDenied, as from S3), a
 * bucket can refuse us outright (403, as another account's bucket without a policy for us), and
 * a bucket can answer 503 SlowDown (transient). Records every request as it leaves the SDK, after
 * signing, so tests see the headers actually sent. Path-style addressing only. Thread-safe; owns
 * the HTTP clients it wraps and closes them with itself.
 */
public final class BucketAccessLayer implements AutoCloseable {
    /**
     * One request as sent: method, bucket (first path segment), the names of its query parameters,
     * whether it asked for a byte range, and its expected-owner header (or null).
     */
    public record SentRequest(SdkHttpMethod method, String bucket, String query, boolean ranged, String expectedOwner) {
        public String describe() {
            return method + " /" + bucket + (query.isEmpty() ? "" : "?" + query) + (ranged ? " (range)" : "");
        }
    }

    private enum Answer { DENIED, SLOW_DOWN }

    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<SentRequest> sent = new ArrayList<>();
    private final List<SdkHttpClient> wrapped = new ArrayList<>();

    /** Requests naming another expected owner than {@code accountId} get 403 AccessDenied. */
    public BucketAccessLayer owner(String bucket, String accountId) {
        owners.put(bucket, accountId);
        return this;
    }

    /** Every request to {@code bucket} gets 403 AccessDenied. */
    public BucketAccessLayer deny(String bucket) {
        answers.put(bucket, Answer.DENIED);
        return this;
    }

    /** Requests to {@code bucket} pass again (a bucket policy fixed, an outage over). */
    public BucketAccessLayer allow(String bucket) {
        answers.remove(bucket);
        return this;
    }

    /** Every request to {@code bucket} gets 503 SlowDown. */
    public BucketAccessLayer slowDown(String bucket) {
        answers.put(bucket, Answer.SLOW_DOWN);
        return this;
    }

    public synchronized List<SentRequest> sent() {
        return List.copyOf(sent);
    }

    /** Pass to {@link S3Connection#withHttpLayer}. */
    public synchronized SdkHttpClient wrap(SdkHttpClient delegate) {
        wrapped.add(delegate);
        return new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                return answer(request, delegate);
            }

            @Override
            public String clientName() {
                return "bucket-access-" + delegate.clientName();
            }

            @Override
            public void close() {
                // closed with the layer: the SDK does not close an HTTP client it was handed
            }
        };
    }

    private ExecutableHttpRequest answer(HttpExecuteRequest request, SdkHttpClient delegate) {
        SdkHttpRequest http = request.httpRequest();
        String path = http.encodedPath().startsWith("/") ? http.encodedPath().substring(1) : http.encodedPath();
        String bucket = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        String query = String.join("&", new java.util.TreeSet<>(http.rawQueryParameters().keySet()));
        boolean ranged = http.firstMatchingHeader("Range").isPresent();
        String expectedOwner = http.firstMatchingHeader(ExpectedBucketOwnerHeader.HEADER).orElse(null);
        synchronized (this) {
            sent.add(new SentRequest(http.method(), bucket, query, ranged, expectedOwner));
        }
        Answer answer = answers.get(bucket);
        String owner = owners.get(bucket);
        if (answer == Answer.DENIED || (owner != null && expectedOwner != null && !owner.equals(expectedOwner))) {
            return ErrorAnswer.of(FaultedService.S3, 403, "AccessDenied", "Access Denied", () -> { });
        }
        if (answer == Answer.SLOW_DOWN) {
            return ErrorAnswer.of(FaultedService.S3, 503, "SlowDown", "Please reduce your request rate.", () -> { });
        }
        return delegate.prepareRequest(request);
    }

    @Override
    public synchronized void close() {
        wrapped.forEach(SdkHttpClient::close);
        wrapped.clear();
    }
}
