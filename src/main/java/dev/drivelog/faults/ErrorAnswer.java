package dev.drivelog.faults;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;

/**
 * A service error answered in an HTTP layer without sending the request, as the service answers
 * when it sheds load or refuses access: the status and the service's own error format, so that the
 * SDK's error handling and retry policy see what they would see from the service. For fault
 * injection and tests.
 */
public final class ErrorAnswer {
    private ErrorAnswer() {}

    /**
     * @param code     the service's error code, e.g. S3's {@code SlowDown} or {@code AccessDenied}
     * @param onAnswer run each time the answer is given (counting)
     */
    public static ExecutableHttpRequest of(FaultedService service, int status, String code, String message, Runnable onAnswer) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                onAnswer.run();
                return service.errorAnswer(status, code, message);
            }

            @Override
            public void abort() {}
        };
    }
}
