import dev.drivelog.demo.EmbeddedS3;
import dev.drivelog.storage.S3Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 side of docker/test-image.sh: starts the project's embedded S3 server (S3Proxy, 127.0.0.1
 * only), creates the input and output buckets, uploads the given drive logs, writes the endpoint to
 * DIR/endpoint, then waits for DIR/stop, writes the output bucket's keys (and sizes) to
 * DIR/output-keys.txt and copies its objects under DIR/output/.
 * Run with the project's class path including target/lib-demo:
 * <pre>java -cp 'target/drivelog.jar:target/lib/*:target/lib-demo/*' docker/test/LocalS3.java DIR IN_BUCKET OUT_BUCKET KEY=FILE...</pre>
 */
public final class LocalS3 {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String inputBucket = args[1];
        String outputBucket = args[2];
        try (EmbeddedS3 server = EmbeddedS3.start(null);
                S3Client s3 = S3Connection.local(server.endpoint(), EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY)
                        .s3Client(4)) {
            s3.createBucket(b -> b.bucket(inputBucket));
            s3.createBucket(b -> b.bucket(outputBucket));
            for (int i = 3; i < args.length; i++) {
                String[] keyAndFile = args[i].split("=", 2);
                s3.putObject(p -> p.bucket(inputBucket).key(keyAndFile[0]), RequestBody.fromFile(Path.of(keyAndFile[1])));
            }
            Files.writeString(dir.resolve("endpoint"), server.endpoint() + "\n");
            Path stop = dir.resolve("stop");
            for (int waited = 0; !Files.exists(stop) && waited < 1800; waited++) {
                Thread.sleep(200);
            }
            List<String> keys = new ArrayList<>();
            Path outputDir = dir.resolve("output");
            for (S3Object object : s3.listObjectsV2Paginator(l -> l.bucket(outputBucket)).contents()) {
                keys.add(object.key() + " " + object.size());
                Path copy = outputDir.resolve(object.key()).normalize();
                if (!copy.startsWith(outputDir)) {
                    throw new IllegalStateException("output key escapes " + outputDir + ": " + object.key());
                }
                Files.createDirectories(copy.getParent());
                s3.getObject(g -> g.bucket(outputBucket).key(object.key()), copy);
            }
            Files.write(dir.resolve("output-keys.txt"), keys);
        }
    }
}
