package dev.drivelog.faults;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An S3 error answered in an HTTP layer without sending the request, as S3 answers when it sheds
 * load or refuses access: the status and S3's error XML, so that the SDK's error handling and retry
 * policy see what they would see from S3. For fault injection and tests.
 */
public final class S3ErrorAnswer {
    private S3ErrorAnswer() {}

    /**
     * @param code     S3's error code, e.g. {@code SlowDown}, {@code AccessDenied}
     * @param onAnswer run each time the answer is given (counting)
     */
    public static ExecutableHttpRequest of(int status, String code, String message, Runnable onAnswer) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                onAnswer.run();
                byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                        + message + "</Message><RequestId>injected</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
                SdkHttpResponse response = SdkHttpResponse.builder().statusCode(status)
                        .putHeader("Content-Type", "application/xml")
                        .putHeader("Content-Length", Integer.toString(body.length))
                        .build();
                return HttpExecuteResponse.builder().response(response)
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
            }

            @Override
            public void abort() {}
        };
    }
}
