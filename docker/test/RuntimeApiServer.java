import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Lambda Runtime API server for tests and the AOT training run: hands out the given events one
 * per {@code GET /next}, records each {@code /response} and {@code /error} to a directory, then
 * closes the next {@code /next} unanswered so that the runtime client ends with an exception (the JVM
 * then exits normally, which a JDK AOT training run needs). Single-file program: {@code java RuntimeApiServer.java}.
 *
 * <pre>
 * java RuntimeApiServer.java --bind 127.0.0.1 --port 9001 --out DIR [--repeat N] [--deadline-ms MS] EVENT.json...
 * </pre>
 * Writes {@code DIR/ready} once listening, {@code DIR/<n>.response.json} or {@code DIR/<n>.error.json}
 * per event, {@code DIR/init-error.json} for an init failure, and {@code DIR/timings.txt}
 * (milliseconds since the server started: the first /next, i.e. init done, and each result; the
 * first /next also as epoch milliseconds, to compare with when a container was started). Exits 0 when every
 * event has a response (errors included), 1 on an init error, 2 on a timeout.
 */
public final class RuntimeApiServer {
    private static final String PREFIX = "/2018-06-01/runtime";

    private record Pending(int number, String requestId, byte[] body) {}

    private final Deque<Pending> queue = new ArrayDeque<>();
    private final List<Pending> inFlight = new ArrayList<>();
    private final List<String> timings = new ArrayList<>();
    private final Path out;
    private final long deadlineMs;
    private final long startNanos = System.nanoTime();
    private final CountDownLatch done;
    private volatile boolean initFailed;
    private boolean firstNextSeen;

    private RuntimeApiServer(List<byte[]> events, Path out, long deadlineMs) {
        int n = 0;
        for (byte[] event : events) {
            queue.add(new Pending(++n, UUID.randomUUID().toString(), event));
        }
        this.out = out;
        this.deadlineMs = deadlineMs;
        this.done = new CountDownLatch(events.size());
    }

    public static void main(String[] args) throws Exception {
        String bind = "127.0.0.1";
        int port = 9001;
        Path out = null;
        int repeat = 1;
        long deadlineMs = 60_000;
        long timeoutSeconds = 600;
        List<Path> eventFiles = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bind" -> bind = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                case "--deadline-ms" -> deadlineMs = Long.parseLong(args[++i]);
                case "--timeout-seconds" -> timeoutSeconds = Long.parseLong(args[++i]);
                default -> eventFiles.add(Path.of(args[i]));
            }
        }
        if (out == null || eventFiles.isEmpty()) {
            System.err.println("usage: RuntimeApiServer --out DIR [--bind ADDR] [--port N] [--repeat N] EVENT.json...");
            System.exit(64);
        }
        List<byte[]> events = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            for (Path file : eventFiles) {
                events.add(Files.readAllBytes(file));
            }
        }
        Files.createDirectories(out);
        System.exit(new RuntimeApiServer(events, out, deadlineMs).serve(bind, port, timeoutSeconds));
    }

    private int serve(String bind, int port, long timeoutSeconds) throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bind), port), 16);
        server.createContext(PREFIX + "/invocation/next", this::next);
        server.createContext(PREFIX + "/invocation/", this::result);
        server.createContext(PREFIX + "/init/error", this::initError);
        server.createContext("/warm-up", exchange -> {
            exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "warm-up");
            reply(exchange, 200, new byte[512]);
        });
        server.start();
        warmUp(bind, port);
        Files.writeString(out.resolve("ready"), "listening on " + bind + ":" + port + "\n");
        boolean finished = done.await(timeoutSeconds, TimeUnit.SECONDS);
        // Let the runtime's next /next arrive and be closed before stopping.
        Thread.sleep(500);
        server.stop(1);
        synchronized (this) {
            Files.write(out.resolve("timings.txt"), timings);
        }
        if (initFailed) {
            return 1;
        }
        return finished ? 0 : 2;
    }

    /**
     * Answers a few requests to itself before it reports ready: this server is a fresh JVM, and its
     * first answer (the HTTP server's own classes, interpreted code) would otherwise count in the
     * runtime's first /next and first event, which Lambda's Runtime API does not cost
     * (docs/BENCHMARKS.md, "Handler init time").
     */
    private static void warmUp(String bind, int port) throws IOException {
        for (int i = 0; i < 5; i++) {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection)
                    java.net.URI.create("http://" + bind + ":" + port + "/warm-up").toURL().openConnection();
            try (var in = connection.getInputStream()) {
                in.readAllBytes();
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        Pending pending;
        synchronized (this) {
            if (!firstNextSeen) {
                firstNextSeen = true;
                timings.add("init_done_ms " + elapsedMs());
                timings.add("init_done_epoch_ms " + System.currentTimeMillis());
            }
            pending = queue.poll();
        }
        if (pending == null) {
            // Test run over. Closing without a reply makes the runtime client's /next fail with an
            // exception, which ends the JVM normally (an HTTP error status crashes RIC 2.9.0's JNI client).
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", pending.requestId());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + deadlineMs));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:000000000000:function:drivelog-test");
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        synchronized (this) {
            inFlight.add(pending);
        }
        reply(exchange, 200, pending.body());
    }

    private void result(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();          // .../invocation/<id>/response|error
        String[] parts = path.substring((PREFIX + "/invocation/").length()).split("/");
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (parts.length != 2 || !(parts[1].equals("response") || parts[1].equals("error"))) {
            reply(exchange, 404, "{\"errorMessage\":\"unknown path " + path + "\"}");
            return;
        }
        Pending pending;
        synchronized (this) {
            pending = inFlight.stream().filter(p -> p.requestId().equals(parts[0])).findFirst().orElse(null);
            if (pending != null) {
                inFlight.remove(pending);
                timings.add("event_" + pending.number() + "_" + parts[1] + "_ms " + elapsedMs());
            }
        }
        if (pending == null) {
            reply(exchange, 400, "{\"errorMessage\":\"unknown request id " + parts[0] + "\"}");
            return;
        }
        Files.write(out.resolve(pending.number() + "." + parts[1] + ".json"), body);
        reply(exchange, 202, "{\"status\":\"OK\"}");
        done.countDown();
    }

    private void initError(HttpExchange exchange) throws IOException {
        Files.write(out.resolve("init-error.json"), exchange.getRequestBody().readAllBytes());
        initFailed = true;
        reply(exchange, 202, "{\"status\":\"OK\"}");
        while (done.getCount() > 0) {
            done.countDown();
        }
    }

    private long elapsedMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        reply(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(body);
        }
    }
}
