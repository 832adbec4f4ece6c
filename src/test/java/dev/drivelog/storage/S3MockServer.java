package dev.drivelog.storage;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Test fixture: S3Mock (an S3 server with object versioning, which S3Proxy lacks) in a child JVM on
 * 127.0.0.1 at an ephemeral port, and a client for it. Closing stops the JVM and then deletes its files.
 *
 * <p>A child JVM rather than the test's own: S3Mock is a Spring Boot application with its own
 * Tomcat, Jackson and AWS SDK versions, which would share the test class path with S3Proxy's Jetty,
 * ElasticMQ and the SDK version the pipeline runs with. Its executable jar (copied to
 * {@code target/s3mock} by the build, named by the system property {@code drivelog.s3mock.jar})
 * keeps all of that to itself.
 */
public final class S3MockServer implements AutoCloseable {
    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+) \\(http\\)");
    private static final long START_TIMEOUT_SECONDS = 180;

    private final Process process;
    /** Stops the child if the test JVM exits without close() (a failed or interrupted run). */
    private final Thread stopOnExit;
    private final Path root;
    private final S3Connection connection;
    private final S3Client client;

    private S3MockServer(Process process, Path root, int port) {
        this.process = process;
        this.stopOnExit = new Thread(process::destroyForcibly, "s3mock-stop-on-exit");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        this.root = root;
        this.connection = S3Connection.local(URI.create("http://127.0.0.1:" + port), "test-access-key", "test-secret-key");
        this.client = connection.s3Client(16);
    }

    /** Starts S3Mock and waits until it listens; its output goes to {@code target/s3mock/server.log}. */
    public static S3MockServer start() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("drivelog.s3mock.jar", "target/s3mock/s3mock-exec.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Mock's executable jar is missing: " + jar.toAbsolutePath()
                    + " (the Maven build copies it there in process-test-resources)");
        }
        Path root = Files.createTempDirectory("s3mock-");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toAbsolutePath().toString(),
                "--spring.main.sources=" + loopbackWebServer(),
                "--spring.main.allow-bean-definition-overriding=true",
                "--server.address=127.0.0.1", "--server.port=0", "--server.ssl.enabled=false",
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--com.adobe.testing.s3mock.store.retainFilesOnExit=true")); // deleted by close(), after the JVM is gone
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Path logFile = jar.resolveSibling("server.log");
        try {
            int port = awaitPort(process, logFile);
            return new S3MockServer(process, root, port);
        } catch (IOException | RuntimeException | InterruptedException e) {
            process.destroyForcibly();
            deleteTree(root);
            throw e;
        }
    }

    /** Copies the server's output to {@code logFile} on a daemon thread; returns the port it reports. */
    private static int awaitPort(Process process, Path logFile) throws IOException, InterruptedException {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("s3mock-output").start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    log) {
                for (String line; (line = out.readLine()) != null; ) {
                    log.write(line);
                    log.newLine();
                    log.flush();
                    Matcher started = STARTED.matcher(line);
                    if (started.find()) {
                        port.complete(Integer.parseInt(started.group(1)));
                    }
                }
                port.completeExceptionally(new IOException("S3Mock exited before listening; see " + logFile));
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
        });
        try {
            return port.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("S3Mock did not listen within " + START_TIMEOUT_SECONDS + " s; see " + logFile, e);
        }
    }

    private static String loopbackWebServer() {
        try {
            return "file:" + Path.of(S3MockServer.class.getResource("/s3mock/loopback-web-server.xml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public S3Connection connection() {
        return connection;
    }

    public S3Client client() {
        return client;
    }

    /** Creates a bucket with versioning enabled. */
    public void createVersionedBucket(String bucket) {
        client.createBucket(b -> b.bucket(bucket));
        setVersioning(bucket, BucketVersioningStatus.ENABLED);
    }

    public void setVersioning(String bucket, BucketVersioningStatus status) {
        client.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(status)));
    }

    /** Writes an object; returns the version id S3 gave it (null in an unversioned bucket). */
    public String put(String bucket, String key, String content) {
        return client.putObject(b -> b.bucket(bucket).key(key),
                RequestBody.fromString(content, StandardCharsets.UTF_8)).versionId();
    }

    public String get(String bucket, String key) {
        return client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }

    public List<String> keys(String bucket, String prefix) {
        return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).toList();
    }

    /** Every version of every object under {@code prefix}, as {@code key@versionId}: an overwrite adds one. */
    public List<String> versions(String bucket, String prefix) {
        return client.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(prefix)).versions().stream()
                .map(version -> version.key() + "@" + version.versionId()).sorted().toList();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            client.close();
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            deleteTree(root);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete S3Mock's files under " + root, e);
        }
    }
}
