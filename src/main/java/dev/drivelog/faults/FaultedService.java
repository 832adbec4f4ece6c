package dev.drivelog.faults;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * A service a {@link FaultInjector} stands in front of: how it answers an error, so that the SDK
 * parses an injected answer as it would a real one, and which responses are cut off mid-body.
 */
public enum FaultedService {
    /** S3 (REST, XML errors): 503 SlowDown, 500 InternalError; downloads (GET) are cut mid-body. */
    S3("SlowDown", "InternalError", 4096) {
        @Override
        boolean cutsResponsesOf(SdkHttpMethod method) {
            return method == SdkHttpMethod.GET;
        }

        @Override
        void describeError(SdkHttpResponse.Builder response, StringBuilder body, String code, String message) {
            response.putHeader("Content-Type", "application/xml");
            body.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>").append(code).append("</Code><Message>")
                    .append(message).append("</Message><RequestId>injected</RequestId></Error>");
        }
    },

    /**
     * SQS (AWS JSON 1.0 protocol with query-compatible error codes): 503 ServiceUnavailable, 500
     * InternalFailure. Every response can be cut, after SQS acted on the request, as when a
     * connection drops on the way back: a receive whose messages are then in flight unseen, a
     * delete that happened although the client saw an error.
     */
    SQS("ServiceUnavailable", "InternalFailure", 64) {
        @Override
        boolean cutsResponsesOf(SdkHttpMethod method) {
            return true;
        }

        @Override
        void describeError(SdkHttpResponse.Builder response, StringBuilder body, String code, String message) {
            response.putHeader("Content-Type", "application/x-amz-json-1.0")
                    .putHeader("x-amzn-query-error", code + ";Receiver"); // the SDK takes the error code from here
            body.append("{\"__type\":\"com.amazonaws.sqs#").append(code).append("\",\"message\":\"").append(message).append("\"}");
        }
    };

    private final String unavailableCode;
    private final String internalErrorCode;
    private final int maxBytesBeforeCut;

    FaultedService(String unavailableCode, String internalErrorCode, int maxBytesBeforeCut) {
        this.unavailableCode = unavailableCode;
        this.internalErrorCode = internalErrorCode;
        this.maxBytesBeforeCut = maxBytesBeforeCut;
    }

    /** The error code this service answers with status 503 (load shed) or 500. */
    public String errorCode(int status) {
        return status == 503 ? unavailableCode : internalErrorCode;
    }

    /** Whether responses to requests of this method are cut off (others are delayed instead). */
    abstract boolean cutsResponsesOf(SdkHttpMethod method);

    /** Adds the error's headers to {@code response} and writes its body. */
    abstract void describeError(SdkHttpResponse.Builder response, StringBuilder body, String code, String message);

    /** A cut comes after 0 to this many bytes of the body; a shorter body ends normally. */
    int maxBytesBeforeCut() {
        return maxBytesBeforeCut;
    }

    /** The whole error answer with the service's code for the status, as the service sends it. */
    HttpExecuteResponse errorAnswer(int status, String message) {
        return errorAnswer(status, errorCode(status), message);
    }

    /** The whole error answer, as the service sends it. */
    HttpExecuteResponse errorAnswer(int status, String code, String message) {
        SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(status);
        StringBuilder text = new StringBuilder();
        describeError(response, text, code, message);
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        response.putHeader("Content-Length", Integer.toString(body.length));
        return HttpExecuteResponse.builder().response(response.build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
    }
}
