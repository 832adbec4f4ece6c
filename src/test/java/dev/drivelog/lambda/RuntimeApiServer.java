package dev.drivelog.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the Lambda Runtime API (2018-06-01) on 127.0.0.1: hands out queued events on
 * {@code /runtime/invocation/next} and records what the runtime posts to {@code /response},
 * {@code /error} and {@code /init/error}. Enough for the runtime interface client's loop.
 */
final class RuntimeApiServer implements AutoCloseable {
    record Invocation(String requestId, String body, long deadlineMillis, String traceId) {}

    private final HttpServer server;
    private final BlockingQueue<Invocation> events = new LinkedBlockingQueue<>();
    private final Map<String, BlockingQueue<String>> responses = new ConcurrentHashMap<>();
    private final BlockingQueue<String> initErrors = new LinkedBlockingQueue<>();
    private volatile long firstNextNanos;

    RuntimeApiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/2018-06-01/runtime/", this::handle);
        server.start();
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    void enqueue(Invocation invocation) {
        responses.putIfAbsent(invocation.requestId(), new LinkedBlockingQueue<>());
        events.add(invocation);
    }

    /** "response: ..." or "error: ..." for that request, or null on timeout. */
    String awaitResult(String requestId, long timeoutSeconds) throws InterruptedException {
        return responses.get(requestId).poll(timeoutSeconds, TimeUnit.SECONDS);
    }

    String pollInitError() {
        return initErrors.poll();
    }

    /** The init error the runtime reports within {@code seconds}, or null. */
    String awaitInitError(long seconds) throws InterruptedException {
        return initErrors.poll(seconds, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** System.nanoTime() of the first /next call: the runtime is initialised and ready for events. */
    long firstNextNanos() {
        return firstNextNanos;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (path.endsWith("/invocation/next")) {
                if (firstNextNanos == 0) {
                    firstNextNanos = System.nanoTime();
                }
                Invocation next = events.take();
                exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next.requestId());
                exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(next.deadlineMillis()));
                exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:us-east-1:111122223333:function:drivelog");
                exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", next.traceId());
                reply(exchange, 200, next.body());
            } else if (path.endsWith("/init/error")) {
                initErrors.add(body);
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (path.endsWith("/response") || path.endsWith("/error")) {
                String[] parts = path.split("/");
                String requestId = parts[parts.length - 2];
                String kind = path.endsWith("/response") ? "response: " : "error: ";
                responses.computeIfAbsent(requestId, id -> new LinkedBlockingQueue<>()).add(kind + body);
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                reply(exchange, 404, "{\"errorMessage\":\"unknown path " + path + "\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
