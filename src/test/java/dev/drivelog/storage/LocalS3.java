package dev.drivelog.storage;

import dev.drivelog.demo.EmbeddedS3;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Test fixture: an embedded S3 server on 127.0.0.1 and a client for it. Closing stops both. */
public final class LocalS3 implements AutoCloseable {
    private final EmbeddedS3 server;
    private final S3Connection connection;
    private final S3Client client;

    private LocalS3(EmbeddedS3 server) {
        this.server = server;
        this.connection = S3Connection.local(server.endpoint(), EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY);
        this.client = connection.s3Client(16);
    }

    public static LocalS3 start() throws Exception {
        return new LocalS3(EmbeddedS3.start(null));
    }

    public S3Connection connection() {
        return connection;
    }

    public S3Client client() {
        return client;
    }

    public void createBucket(String bucket) {
        client.createBucket(CreateBucketRequest.builder().bucket(bucket).build());
    }

    public void put(String bucket, String key, byte[] content) {
        client.putObject(PutObjectRequest.builder().bucket(bucket).key(key).build(), RequestBody.fromBytes(content));
    }

    public byte[] get(String bucket, String key) {
        return client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    public List<String> keys(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        for (S3Object object : client.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build()).contents()) {
            keys.add(object.key());
        }
        return keys;
    }

    public List<MultipartUpload> multipartUploads(String bucket) {
        return client.listMultipartUploads(b -> b.bucket(bucket)).uploads();
    }

    @Override
    public void close() throws Exception {
        try {
            client.close();
        } finally {
            server.close();
        }
    }
}
