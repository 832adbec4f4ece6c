package dev.drivelog.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.demo.EmbeddedS3;
import dev.drivelog.storage.LocalS3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real entry point: the Lambda runtime interface client ({@code AWSLambda}, started by the
 * image's {@link LambdaMain}) in a child JVM
 * with our handler name, talking to a Runtime API stand-in and to S3Proxy on 127.0.0.1. The child's
 * class path lacks the demo-only servers, like the Lambda image's.
 */
class LambdaRuntimeEntrypointTest {
    private static final String HANDLER = "dev.drivelog.lambda.SqsBatchHandler::handleRequest";
    private static final String BUCKET = "drivelog-ric-test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void awsLambdaMain_sqsEventForObjectInS3_returnsBatchResponseAndWritesResults(@TempDir Path dir) throws Exception {
        try (LocalS3 s3 = LocalS3.start(); RuntimeApiServer runtimeApi = new RuntimeApiServer()) {
            s3.createBucket(BUCKET);
            s3.put(BUCKET, "logs/ric drive.csv", "a\nviolation wrong_way\nb\n".getBytes(StandardCharsets.UTF_8));
            String body = "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"" + BUCKET
                    + "\"},\"object\":{\"key\":\"logs/ric+drive.csv\",\"size\":24}}}]}";
            String event = JSON.writeValueAsString(Map.of("Records", List.of(
                    Map.of("messageId", "msg-ok", "body", body, "eventSource", "aws:sqs"),
                    Map.of("messageId", "msg-gone", "body", "{\"bucket\":\"" + BUCKET + "\",\"key\":\"logs/none.csv\"}",
                            "eventSource", "aws:sqs"))));
            String traceId = "Root=1-673f1a2b-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1";
            runtimeApi.enqueue(new RuntimeApiServer.Invocation("req-1", event, System.currentTimeMillis() + 120_000, traceId));

            Path stdout = dir.resolve("stdout.log");
            Process child = startRuntime(runtimeApi.address(), s3, stdout);
            try {
                String result = runtimeApi.awaitResult("req-1", 120);
                assertNotNull(result, "no result within 120 s; init error: " + runtimeApi.pollInitError()
                        + "; output:\n" + Files.readString(stdout));
                assertTrue(result.startsWith("response: "), result);
                JsonNode response = JSON.readTree(result.substring("response: ".length()));
                assertEquals(0, response.get("batchItemFailures").size(), response.toString());

                List<String> results = s3.keys(BUCKET, "results/");
                // The missing object is refused and leaves nothing: one manifest, of the drive.
                assertEquals(1, results.stream().filter(k -> k.endsWith("manifest.json")).count(), results.toString());
                String okManifest = results.stream().filter(k -> k.startsWith("results/ric_drive.csv-") && k.endsWith("manifest.json"))
                        .findFirst().orElseThrow();
                JsonNode manifest = JSON.readTree(s3.get(BUCKET, okManifest));
                assertEquals("ok", manifest.get("status").asText());
                assertEquals(1, manifest.path("report").path("violation_counts").path("wrong_way").asInt());
                assertEquals(traceId, manifest.get("trace_id").asText());
                assertTrue(Files.readString(stdout).contains("\"traceId\":\"" + traceId + "\""));
            } finally {
                child.destroy();
                if (!child.waitFor(10, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
        }
    }

    @Test
    void awsLambdaMain_mapMissing_reportsAnInitErrorNamingTheMap(@TempDir Path dir) throws Exception {
        // The S3 client is built on a thread of its own while the analysis opens (Pipeline): a failure
        // of the analysis must still reach the runtime as the init error, with the map's path.
        try (LocalS3 s3 = LocalS3.start(); RuntimeApiServer runtimeApi = new RuntimeApiServer()) {
            Path missing = dir.resolve("no-such.dlmap");
            Path stdout = dir.resolve("stdout.log");
            Process child = startRuntime(HANDLER, runtimeApi.address(), s3, stdout,
                    Map.of("DRIVELOG_ANALYSIS", "drivelog", "DRIVELOG_MAP", missing.toString()));
            try {
                String error = runtimeApi.awaitInitError(120);
                assertNotNull(error, "no init error within 120 s; output:\n" + Files.readString(stdout));
                assertTrue(error.contains("no-such.dlmap"), error);
            } finally {
                child.destroy();
                if (!child.waitFor(10, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
        }
    }

    @Test
    void lambdaMain_configFileMissing_reportsAnInitErrorNamingTheFile(@TempDir Path dir) throws Exception {
        // The configuration is read while other threads load the trust store, prepare the analysis
        // and wait to build the S3 client: its failure must still reach the runtime as the init error.
        try (LocalS3 s3 = LocalS3.start(); RuntimeApiServer runtimeApi = new RuntimeApiServer()) {
            Path stdout = dir.resolve("stdout.log");
            Process child = startRuntime(HANDLER, runtimeApi.address(), s3, stdout,
                    Map.of("DRIVELOG_CONFIG", dir.resolve("no-such.yaml").toString()));
            try {
                String error = runtimeApi.awaitInitError(120);
                assertNotNull(error, "no init error within 120 s; output:\n" + Files.readString(stdout));
                assertTrue(error.contains("no-such.yaml: config file not found"), error);
            } finally {
                child.destroy();
                if (!child.waitFor(10, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
        }
    }

    /**
     * The test class path minus S3Proxy, ElasticMQ and what only they pull in, as in the Lambda image:
     * the handler must start and run without them.
     */
    static String classPathWithoutDemoServers() {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> demoOnly = List.of("/org/gaul/", "/org/elasticmq/", "/org/apache/jclouds/", "/org/apache/pekko/",
                "/org/scala-lang/", "/org/eclipse/jetty/");
        List<String> kept = java.util.Arrays.stream(full.split(java.io.File.pathSeparator))
                .filter(entry -> demoOnly.stream().noneMatch(entry::contains)).toList();
        assertTrue(kept.size() < full.split(java.io.File.pathSeparator).length, "demo servers were on the class path: " + full);
        return String.join(java.io.File.pathSeparator, kept);
    }

    static Process startRuntime(String runtimeApi, LocalS3 s3, Path stdout) throws Exception {
        return startRuntime(HANDLER, runtimeApi, s3, stdout);
    }

    static Process startRuntime(String handler, String runtimeApi, LocalS3 s3, Path stdout) throws Exception {
        return startRuntime(handler, runtimeApi, s3, stdout, Map.of());
    }

    /** As above, with {@code extraEnvironment} added to the child's environment. */
    static Process startRuntime(String handler, String runtimeApi, LocalS3 s3, Path stdout, Map<String, String> extraEnvironment)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", classPathWithoutDemoServers(),
                "-Dslf4j.provider=org.slf4j.nop.NOPServiceProvider", "-Dslf4j.internal.verbosity=WARN",
                LambdaMain.class.getName(), handler);  // the image's entry point (docker/bootstrap): the RIC's main behind it
        Map<String, String> env = builder.environment();
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("AWS_LAMBDA_FUNCTION_NAME", "drivelog");
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", EmbeddedS3.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", EmbeddedS3.SECRET_KEY);
        env.put("AWS_ENDPOINT_URL_S3", s3.connection().endpoint().toString());
        env.put("AWS_REQUEST_CHECKSUM_CALCULATION", "WHEN_REQUIRED");
        env.put("AWS_RESPONSE_CHECKSUM_VALIDATION", "WHEN_REQUIRED");
        env.put("DRIVELOG_S3_PATH_STYLE", "true");
        env.put("DRIVELOG_ANALYSIS", "line-count");
        env.remove("DRIVELOG_CONFIG");
        env.putAll(extraEnvironment);
        return builder.redirectErrorStream(true).redirectOutput(stdout.toFile()).start();
    }
}
