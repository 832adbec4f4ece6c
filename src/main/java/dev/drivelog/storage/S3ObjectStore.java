package dev.drivelog.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * S3 reads and writes for the pipeline, over one synchronous SDK client whose calls run on
 * virtual threads: streaming downloads as parallel ranged GETs into pooled buffers, streaming
 * uploads as parallel multipart uploads, and conditional PUTs ({@code If-None-Match: *}) for
 * commit markers. Thread-safe; built once per container. Closes the client it was given.
 */
public final class S3ObjectStore implements AutoCloseable {
    private static final int READ_ATTEMPTS = 3;

    private final S3Client s3;
    private final TransferSettings settings;
    private final BufferPool downloadBuffers;
    private final BufferPool uploadBuffers;
    private final PartSizePlan partSizePlan;
    private final ExecutorService transfers = Executors.newVirtualThreadPerTaskExecutor();

    public S3ObjectStore(S3Client s3, TransferSettings settings) {
        this.s3 = s3;
        this.settings = settings;
        this.downloadBuffers = new BufferPool(settings.downloadPartSizeBytes(), 2 * settings.downloadPartsInFlight());
        this.uploadBuffers = new BufferPool(settings.uploadPartSizeBytes(), 2 * settings.uploadPartsInFlight());
        this.partSizePlan = new PartSizePlan(settings.uploadPartSizeBytes());
    }

    public S3Client client() {
        return s3;
    }

    /** Size, ETag and version of an object; {@link ObjectMissingException} when it does not exist. */
    public ObjectInfo head(String bucket, String key, String versionId) throws ObjectMissingException {
        try {
            HeadObjectResponse head = s3.headObject(HeadObjectRequest.builder()
                    .bucket(bucket).key(key).versionId(versionId).build());
            return new ObjectInfo(bucket, key, head.versionId(), unquote(head.eTag()), head.contentLength());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new ObjectMissingException(bucket, key);
            }
            throw e;
        }
    }

    public boolean exists(String bucket, String key) {
        try {
            head(bucket, key, null);
            return true;
        } catch (ObjectMissingException e) {
            return false;
        }
    }

    /**
     * Streams an object's content. Large objects are read with parallel ranged GETs; small ones with
     * one GET. The caller closes the stream.
     */
    public InputStream openRead(ObjectInfo object) {
        if (object.sizeBytes() < Math.max(settings.rangedDownloadMinimumBytes(), 1)) {
            if (object.sizeBytes() == 0) {
                return new ByteArrayInputStream(new byte[0]);
            }
            return s3.getObject(pinned(object).build());
        }
        return new RangedDownloadStream(this, object, downloadBuffers, transfers, settings.downloadPartsInFlight());
    }

    /** A small object's whole content, or null when it does not exist. */
    public byte[] readSmallObject(String bucket, String key) throws IOException {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build())) {
            return in.readAllBytes();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** Reads {@code length} bytes at {@code start} into {@code target}; retries a broken connection. */
    void readRange(ObjectInfo object, long start, byte[] target, int length) throws IOException {
        String range = "bytes=" + start + "-" + (start + length - 1);
        IOException last = null;
        for (int attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
            try (ResponseInputStream<GetObjectResponse> in = s3.getObject(pinned(object).range(range).build())) {
                int n = in.readNBytes(target, 0, length);
                if (n != length) {
                    throw new IOException("s3://" + object.bucket() + "/" + object.key() + ": range " + range
                            + " returned " + n + " bytes, expected " + length);
                }
                return;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private static GetObjectRequest.Builder pinned(ObjectInfo object) {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(object.bucket()).key(object.key());
        if (object.versionId() != null) {
            return request.versionId(object.versionId());
        }
        return object.eTag() == null ? request : request.ifMatch("\"" + object.eTag() + "\"");
    }

    /** Starts writing an object; it becomes visible on {@link PendingUpload#commit()}. */
    public PendingUpload openWrite(String bucket, String key, String contentType) {
        return new PendingUpload(this, bucket, key, contentType, partSizePlan, uploadBuffers, transfers,
                settings.uploadPartsInFlight());
    }

    /**
     * Writes a small object only if no object has that key ({@code If-None-Match: *}).
     *
     * @return true if this call created it, false if it already existed (also when a concurrent
     *         writer won the race)
     */
    public boolean putIfAbsent(String bucket, String key, String contentType, byte[] content) {
        try {
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType).ifNoneMatch("*").build(),
                    RequestBody.fromBytes(content));
            return true;
        } catch (S3Exception e) {
            // 412: it exists. 409: a concurrent conditional write to the same key is in flight; S3
            // lets exactly one of them succeed, so ours is the loser if the object is there now.
            if (e.statusCode() == 412 || (e.statusCode() == 409 && exists(bucket, key))) {
                return false;
            }
            throw e;
        }
    }

    void put(String bucket, String key, String contentType, byte[] content, int length) {
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType).contentLength((long) length).build(),
                RequestBody.fromContentProvider(() -> new ByteArrayInputStream(content, 0, length), length, contentType));
    }

    String createMultipartUpload(String bucket, String key, String contentType) {
        return s3.createMultipartUpload(CreateMultipartUploadRequest.builder()
                .bucket(bucket).key(key).contentType(contentType).build()).uploadId();
    }

    CompletedPart uploadPart(String bucket, String key, String uploadId, int partNumber, byte[] content, int length) {
        UploadPartResponse response = s3.uploadPart(UploadPartRequest.builder()
                        .bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber).contentLength((long) length).build(),
                RequestBody.fromContentProvider(() -> new ByteArrayInputStream(content, 0, length), length,
                        "application/octet-stream"));
        return CompletedPart.builder().partNumber(partNumber).eTag(response.eTag()).build();
    }

    void completeMultipartUpload(String bucket, String key, String uploadId, List<CompletedPart> parts) {
        s3.completeMultipartUpload(CompleteMultipartUploadRequest.builder()
                .bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()).build());
    }

    void abortMultipartUpload(String bucket, String key, String uploadId) {
        s3.abortMultipartUpload(AbortMultipartUploadRequest.builder().bucket(bucket).key(key).uploadId(uploadId).build());
    }

    public static String unquote(String eTag) {
        if (eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
            return eTag.substring(1, eTag.length() - 1);
        }
        return eTag;
    }

    @Override
    public void close() {
        transfers.close();
        s3.close();
    }
}
