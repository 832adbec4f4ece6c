package dev.drivelog.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Test fixture: an HTTP client that answers S3's PUT and multipart calls itself, in the test's JVM,
 * without a server. Each request body is read through and only its length and CRC-32 are kept, so a
 * test can measure what the client side allocates for an upload (a server in the same JVM would
 * allocate at least as much as it receives) and see the requests as they went out (headers, body
 * encoding). Part numbers listed in {@link #refuse(int)} are answered 403, which the SDK does not retry.
 */
final class MultipartStubClient implements SdkHttpClient {
    /** What the client sent: method, query, the headers the tests look at, body length and CRC-32. */
    record Sent(String method, Map<String, List<String>> query, Map<String, List<String>> headers, long bodyBytes, long bodyCrc32) {
        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst();
        }

        boolean isPart() {
            return query.containsKey("partNumber");
        }

        int partNumber() {
            return Integer.parseInt(query.get("partNumber").getFirst());
        }
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Set<Integer> refusedParts = ConcurrentHashMap.newKeySet();

    /** An S3 connection to this stub at {@code endpoint} (never contacted) with the SDK's default checksums. */
    S3Connection connection(URI endpoint) {
        UnaryOperator<SdkHttpClient> replaceTheRealClient = real -> {
            real.close();
            return this;
        };
        return new S3Connection(endpoint, "us-east-1", "stub-key", "stub-secret", true, false)
                .withHttpLayer(replaceTheRealClient);
    }

    /** Answers part {@code partNumber} of every upload with 403 Access Denied. */
    MultipartStubClient refuse(int partNumber) {
        refusedParts.add(partNumber);
        return this;
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                return answer(request);
            }

            @Override
            public void abort() {
                // Answers are immediate.
            }
        };
    }

    private HttpExecuteResponse answer(HttpExecuteRequest request) throws IOException {
        SdkHttpRequest http = request.httpRequest();
        long length = 0;
        CRC32 crc = new CRC32();
        if (request.contentStreamProvider().isPresent()) {
            byte[] chunk = new byte[16 * 1024];
            try (InputStream body = request.contentStreamProvider().get().newStream()) {
                for (int n; (n = body.read(chunk)) > 0; ) {
                    crc.update(chunk, 0, n);
                    length += n;
                }
            }
        }
        Sent call = new Sent(http.method().name(), http.rawQueryParameters(), http.headers(), length, crc.getValue());
        sent.add(call);
        Map<String, List<String>> query = http.rawQueryParameters();
        return switch (http.method()) {
            case POST -> query.containsKey("uploads")
                    ? xml("<InitiateMultipartUploadResult><UploadId>stub-upload</UploadId></InitiateMultipartUploadResult>")
                    : xml("<CompleteMultipartUploadResult><ETag>\"stub-object\"</ETag></CompleteMultipartUploadResult>");
            case PUT -> call.isPart() && refusedParts.contains(call.partNumber())
                    ? response(403, "<Error><Code>AccessDenied</Code><Message>refused by the test</Message></Error>")
                    : withETag("\"stub-" + Long.toHexString(call.bodyCrc32()) + "\"");
            case DELETE -> response(204, "");
            default -> response(405, "");
        };
    }

    private static HttpExecuteResponse withETag(String eTag) {
        return HttpExecuteResponse.builder()
                .response(SdkHttpFullResponse.builder().statusCode(200).putHeader("ETag", eTag).build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(new byte[0])))
                .build();
    }

    private static HttpExecuteResponse xml(String body) {
        return response(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body);
    }

    private static HttpExecuteResponse response(int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpExecuteResponse.builder()
                .response(SdkHttpFullResponse.builder().statusCode(status)
                        .putHeader("Content-Type", "application/xml")
                        .putHeader("Content-Length", Integer.toString(bytes.length)).build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                .build();
    }

    @Override
    public String clientName() {
        return "MultipartStub";
    }

    @Override
    public void close() {
        // Nothing held.
    }
}
