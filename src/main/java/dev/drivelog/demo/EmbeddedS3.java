package dev.drivelog.demo;

import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An S3-compatible server (S3Proxy) on 127.0.0.1 at an ephemeral port, with signature V4
 * authentication. Blobs live in memory, or in a directory when one is given. Demo and tests only:
 * S3Proxy is not on the Lambda image's class path. Conditional creates ({@code If-None-Match: *})
 * are added by {@link ConditionalPutHandler}. Closing stops the server.
 */
public final class EmbeddedS3 implements AutoCloseable {
    public static final String ACCESS_KEY = "drivelog-local";
    public static final String SECRET_KEY = "drivelog-local-secret";

    private final S3Proxy proxy;
    private final BlobStoreContext context;

    private EmbeddedS3(S3Proxy proxy, BlobStoreContext context) {
        this.proxy = proxy;
        this.context = context;
    }

    /** @param directory where blobs are kept, or null for memory only */
    public static EmbeddedS3 start(Path directory) throws Exception {
        return start(directory, null);
    }

    /**
     * @param directory where blobs are kept, or null for memory only
     * @param hook      sees every request first (tests that hold or refuse requests), or null
     */
    public static EmbeddedS3 start(Path directory, S3RequestHook hook) throws Exception {
        Properties properties = new Properties();
        ContextBuilder builder;
        if (directory == null) {
            builder = ContextBuilder.newBuilder("transient");
        } else {
            properties.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
            builder = ContextBuilder.newBuilder("filesystem");
        }
        BlobStoreContext context = builder.credentials(ACCESS_KEY, SECRET_KEY).overrides(properties)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        try {
            addHandlers(proxy, context.getBlobStore(), hook);
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(10);
            }
        } catch (Exception e) {
            context.close();
            throw e;
        }
        return new EmbeddedS3(proxy, context);
    }

    /** Wraps S3Proxy's request handler (a private field, hence reflection) before the server starts. */
    private static void addHandlers(S3Proxy proxy, org.jclouds.blobstore.BlobStore blobStore, S3RequestHook hook)
            throws ReflectiveOperationException {
        Field serverField = S3Proxy.class.getDeclaredField("server");
        serverField.setAccessible(true);
        Server server = (Server) serverField.get(proxy);
        ConditionalPutHandler conditionalPuts = new ConditionalPutHandler(blobStore);
        conditionalPuts.setHandler(server.getHandler());
        server.setHandler(conditionalPuts);
        if (hook != null) {
            RequestHookHandler hooked = new RequestHookHandler(hook);
            hooked.setHandler(conditionalPuts);
            server.setHandler(hooked);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            context.close();
        }
    }
}
