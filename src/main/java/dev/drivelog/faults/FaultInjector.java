package dev.drivelog.faults;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Injects a service's everyday faults between the SDK and the server, for tests and the demo: a
 * share {@code rate} of HTTP attempts (every SDK retry is an attempt of its own) gets one of
 * <ul>
 *   <li>503 (35%) or 500 (15%) in the service's own error format ({@link FaultedService}: S3's
 *       SlowDown, SQS's ServiceUnavailable, ...), answered here without sending the request, as
 *       when the service sheds load, so the SDK's retry policy and the pipeline's redelivery see
 *       a real error response;</li>
 *   <li>a connection reset mid-body (25%): the response stream throws after some bytes, as when a
 *       connection drops on the way back (S3: downloads only, other methods are delayed instead;
 *       SQS: any response, after the server acted on the request);</li>
 *   <li>a slow response (25%): the request waits 20 to 200 ms before it is sent.</li>
 * </ul>
 * Decisions come from one seeded PRNG; with concurrent requests their order, and so which
 * request gets which fault, varies between runs, the rate does not. Wrapped clients are owned by
 * the injector and closed with it (the SDK does not close an HTTP client it was handed).
 */
public final class FaultInjector implements AutoCloseable {
    private static final int MAX_DELAY_MILLIS = 200;
    private static final int MIN_DELAY_MILLIS = 20;

    private enum Fault { NONE, UNAVAILABLE, INTERNAL_ERROR, RESET, SLOW }

    private final FaultedService service;
    private final double rate;
    private final SplittableRandom random;
    private final AtomicLong unavailable = new AtomicLong();
    private final AtomicLong internalErrors = new AtomicLong();
    private final AtomicLong resets = new AtomicLong();
    private final AtomicLong slowResponses = new AtomicLong();
    private final List<SdkHttpClient> wrapped = new ArrayList<>();

    public FaultInjector(FaultedService service, double rate, long seed) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("fault rate must be 0..1, got " + rate);
        }
        this.service = service;
        this.rate = rate;
        this.random = new SplittableRandom(seed);
    }

    public FaultCounts counts() {
        return new FaultCounts(unavailable.get(), internalErrors.get(), resets.get(), slowResponses.get());
    }

    /**
     * An HTTP client that sends through {@code delegate} with faults; pass to
     * {@code S3Connection.withHttpLayer} (S3) or {@code S3Connection.sqsClient(endpoint, layer)} (SQS).
     */
    public synchronized SdkHttpClient wrap(SdkHttpClient delegate) {
        wrapped.add(delegate);
        return new FaultyClient(delegate);
    }

    @Override
    public synchronized void close() {
        wrapped.forEach(SdkHttpClient::close);
        wrapped.clear();
    }

    private record Decision(Fault fault, int delayMillis, int bytesBeforeReset) {}

    private synchronized Decision decide(SdkHttpMethod method) {
        if (random.nextDouble() >= rate) {
            return new Decision(Fault.NONE, 0, 0);
        }
        double kind = random.nextDouble();
        int delay = MIN_DELAY_MILLIS + random.nextInt(MAX_DELAY_MILLIS - MIN_DELAY_MILLIS + 1);
        int cut = random.nextInt(service.maxBytesBeforeCut());
        if (kind < 0.35) {
            return new Decision(Fault.UNAVAILABLE, 0, 0);
        }
        if (kind < 0.50) {
            return new Decision(Fault.INTERNAL_ERROR, 0, 0);
        }
        if (kind < 0.75 && service.cutsResponsesOf(method)) {
            return new Decision(Fault.RESET, 0, cut);
        }
        return new Decision(Fault.SLOW, delay, 0);
    }

    private final class FaultyClient implements SdkHttpClient {
        private final SdkHttpClient delegate;

        FaultyClient(SdkHttpClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            Decision decision = decide(request.httpRequest().method());
            return switch (decision.fault()) {
                case NONE -> delegate.prepareRequest(request);
                case UNAVAILABLE -> errorAnswer(503, "Please reduce your request rate.", unavailable);
                case INTERNAL_ERROR -> errorAnswer(500, "We encountered an internal error. Please try again.", internalErrors);
                case SLOW -> delayed(delegate.prepareRequest(request), decision.delayMillis());
                case RESET -> resetMidBody(delegate.prepareRequest(request), decision.bytesBeforeReset());
            };
        }

        @Override
        public String clientName() {
            return "faulty-" + delegate.clientName();
        }

        @Override
        public void close() {
            // The injector closes the delegate: the SDK never closes an HTTP client it was given.
        }
    }

    private ExecutableHttpRequest errorAnswer(int status, String message, AtomicLong counter) {
        return ErrorAnswer.of(service, status, service.errorCode(status), message, counter::incrementAndGet);
    }

    private ExecutableHttpRequest delayed(ExecutableHttpRequest inner, int delayMillis) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                slowResponses.incrementAndGet();
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted during an injected delay");
                }
                return inner.call();
            }

            @Override
            public void abort() {
                inner.abort();
            }
        };
    }

    private ExecutableHttpRequest resetMidBody(ExecutableHttpRequest inner, int bytesBeforeReset) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                HttpExecuteResponse response = inner.call();
                if (response.responseBody().isEmpty() || !response.httpResponse().isSuccessful()) {
                    return response;
                }
                AbortableInputStream body = response.responseBody().get();
                return HttpExecuteResponse.builder().response(response.httpResponse())
                        .responseBody(AbortableInputStream.create(new ResettingInputStream(body, bytesBeforeReset, resets::incrementAndGet), body))
                        .build();
            }

            @Override
            public void abort() {
                inner.abort();
            }
        };
    }
}
