package dev.drivelog.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A minimal W3C WebDriver client for Debian's chromium + chromedriver, spoken over HTTP with
 * java.net.http (lighter than Selenium for the few commands the report's browser test needs).
 * chromedriver listens on 127.0.0.1 only; {@link #close} ends the session and the driver.
 */
final class ChromeWebDriver implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String session;

    /**
     * Starts chromedriver and a headless chromium session.
     *
     * @param profile an empty directory for the browser's fresh profile
     * @throws IllegalStateException when chromium or chromedriver is not installed (the message says how to install them)
     */
    ChromeWebDriver(Path profile, Path driverLog) throws IOException, InterruptedException {
        this(profile, driverLog, "en-US");
    }

    /**
     * Like the other constructor, with the browser's language (what {@code navigator.languages} says).
     *
     * @param language a BCP 47 tag such as {@code ja} or {@code en-US}
     */
    ChromeWebDriver(Path profile, Path driverLog, String language) throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the report's browser test needs Debian's chromium and chromedriver at "
                    + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install chromium chromium-driver");
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port, "--log-path=" + driverLog)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        base = "http://127.0.0.1:" + port;
        try {
            waitUntilReady();
            ObjectNode options = JSON.createObjectNode();
            options.put("binary", CHROMIUM.toString());
            ArrayNode args = options.putArray("args");
            for (String arg : List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1400,1500", "--user-data-dir=" + profile, "--lang=" + language)) {
                args.add(arg);
            }
            options.putObject("prefs").put("intl.accept_languages", language);
            ObjectNode body = JSON.createObjectNode();
            ObjectNode always = body.putObject("capabilities").putObject("alwaysMatch");
            always.put("browserName", "chrome");
            always.set("goog:chromeOptions", options);
            session = call("POST", "/session", body).get("sessionId").asText();
        } catch (IOException | InterruptedException | RuntimeException e) {
            driver.destroy();
            throw e;
        }
    }

    private void waitUntilReady() throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            if (!driver.isAlive()) {
                throw new IllegalStateException("chromedriver exited with " + driver.exitValue());
            }
            try {
                if (call("GET", "/status", null).path("ready").asBoolean()) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new IOException("chromedriver did not become ready on " + base, last);
    }

    void open(Path file) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("url", file.toUri().toString());
        sessionCall("POST", "/url", body);
    }

    /** The WebDriver ids of the elements matching a CSS selector, in document order. */
    List<String> find(String css) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("using", "css selector").put("value", css);
        List<String> ids = new ArrayList<>();
        for (JsonNode element : sessionCall("POST", "/elements", body)) {
            ids.add(element.get(ELEMENT_KEY).asText());
        }
        return ids;
    }

    String text(String element) throws IOException, InterruptedException {
        return sessionCall("GET", "/element/" + element + "/text", null).asText();
    }

    void click(String element) throws IOException, InterruptedException {
        sessionCall("POST", "/element/" + element + "/click", JSON.createObjectNode());
    }

    /** Runs a script in the page; {@code return} in it gives the result. */
    JsonNode script(String script) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("script", script);
        body.putArray("args");
        return sessionCall("POST", "/execute/sync", body);
    }

    /** Presses the mouse at the element's centre, moves it by (dx, dy) pixels in steps and releases it. */
    void drag(String element, int dx, int dy) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode mouse = body.putArray("actions").addObject();
        mouse.put("type", "pointer").put("id", "mouse").putObject("parameters").put("pointerType", "mouse");
        ArrayNode steps = mouse.putArray("actions");
        ObjectNode start = steps.addObject().put("type", "pointerMove").put("duration", 0).put("x", 0).put("y", 0);
        start.putObject("origin").put(ELEMENT_KEY, element);
        steps.addObject().put("type", "pointerDown").put("button", 0);
        for (int step = 1; step <= 4; step++) {
            steps.addObject().put("type", "pointerMove").put("duration", 20).put("origin", "pointer")
                    .put("x", dx / 4).put("y", dy / 4);
        }
        steps.addObject().put("type", "pointerUp").put("button", 0);
        sessionCall("POST", "/actions", body);
    }

    byte[] screenshotPng() throws IOException, InterruptedException {
        return Base64.getDecoder().decode(sessionCall("GET", "/screenshot", null).asText());
    }

    private JsonNode sessionCall(String method, String path, JsonNode body) throws IOException, InterruptedException {
        return call(method, "/session/" + session + path, body);
    }

    private JsonNode call(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + method + " " + path + " failed (" + response.statusCode() + "): "
                    + value.path("error").asText() + ": " + value.path("message").asText());
        }
        return value;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            if (session != null) {
                call("DELETE", "/session/" + session, null);
            }
        } catch (IOException | RuntimeException e) {
            // The driver is stopped below either way.
        } finally {
            driver.destroy();
            if (!driver.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                driver.destroyForcibly().waitFor();
            }
        }
    }
}
