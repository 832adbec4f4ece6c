package dev.drivelog.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.retries.api.BackoffStrategy;
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
    /**
     * Between attempts of a ranged read whose body broke: exponential with full jitter (the SDK's own
     * strategy), from 100 ms up to 2 s, so that many parts broken at once by one outage do not come back
     * at once, and an overloaded server gets room. (The SDK retries failed requests itself; this covers
     * a body that breaks after the response began, which the SDK has handed over already.)
     */
    static final BackoffStrategy READ_BACKOFF = BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(2));

    /** Waits between read attempts; tests record instead of sleeping. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration delay) throws InterruptedException;
    }

    private final S3Client s3;
    private final TransferSettings settings;
    private final BufferPool downloadBuffers;
    private final BufferPool uploadBuffers;
    private final PartSizePlan partSizePlan;
    private final ExecutorService transfers = Executors.newVirtualThreadPerTaskExecutor();
    private final Pause pause;

    public S3ObjectStore(S3Client s3, TransferSettings settings) {
        this(s3, settings, delay -> Thread.sleep(delay));
    }

    S3ObjectStore(S3Client s3, TransferSettings settings, Pause pause) {
        this.pause = pause;
        this.s3 = s3;
        this.settings = settings;
        this.downloadBuffers = new BufferPool(settings.downloadPartSizeBytes(), 2 * settings.downloadPartsInFlight());
        this.uploadBuffers = new BufferPool(settings.uploadPartSizeBytes(), 2 * settings.uploadPartsInFlight());
        this.partSizePlan = new PartSizePlan(settings.uploadPartSizeBytes());
    }

    public S3Client client() {
        return s3;
    }

    /** The pool of upload part buffers, for tests of the memory bound. */
    BufferPool uploadBufferPool() {
        return uploadBuffers;
    }

    /**
     * Size, ETag and version of an object.
     *
     * @throws ObjectMissingException    it (or the version asked for) does not exist (404)
     * @throws ObjectUnreadableException S3 refuses it for good: access denied (403) or an invalid request for this key (400)
     */
    public ObjectInfo head(String bucket, String key, String versionId) throws ObjectMissingException, ObjectUnreadableException {
        try {
            HeadObjectResponse head = s3.headObject(HeadObjectRequest.builder()
                    .bucket(bucket).key(key).versionId(versionId).build());
            return new ObjectInfo(bucket, key, head.versionId(), unquote(head.eTag()), head.contentLength(),
                    isGzip(head.contentEncoding()) || isGzip(head.contentType()));
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
                    : " " + e.awsErrorDetails().errorCode();
            switch (e.statusCode()) {
                case 404 -> throw new ObjectMissingException(bucket, key);
                case 403 -> throw new ObjectUnreadableException("access denied reading s3://" + bucket + "/" + key + " (403"
                        + code + "): the bucket is not readable by this function or is owned by another account");
                // A 400 to a HEAD: the request itself is invalid for this key (e.g. a key the store cannot hold).
                case 400 -> throw new ObjectUnreadableException("S3 refuses the key s3://" + bucket + "/" + key + " (400"
                        + code + "): it can never be read");
                default -> throw e;
            }
        }
    }

    /** Whether an object exists. A refusal (403, 400) is our own configuration here, so it fails the caller: may pass once fixed. */
    public boolean exists(String bucket, String key) {
        try {
            head(bucket, key, null);
            return true;
        } catch (ObjectMissingException e) {
            return false;
        } catch (ObjectUnreadableException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isGzip(String header) {
        return header != null && (header.contains("gzip"));
    }

    /**
     * Streams an object's content, held to the size the HEAD gave ({@link ObjectReadStream}). Large
     * objects are read with parallel ranged GETs; small ones with one GET. The caller closes the stream.
     */
    public ObjectReadStream openRead(ObjectInfo object) {
        InputStream content;
        if (object.sizeBytes() == 0) {
            content = new ByteArrayInputStream(new byte[0]);
        } else if (object.sizeBytes() < Math.max(settings.rangedDownloadMinimumBytes(), 1)) {
            content = s3.getObject(pinned(object).build());
        } else {
            content = new RangedDownloadStream(this, object, downloadBuffers, transfers, settings.downloadPartsInFlight());
        }
        return new ObjectReadStream(content, object);
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

    /** Reads {@code length} bytes at {@code start} into {@code target}; retries a broken connection after a back-off. */
    void readRange(ObjectInfo object, long start, byte[] target, int length) throws IOException {
        String range = "bytes=" + start + "-" + (start + length - 1);
        IOException last = null;
        for (int attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                try {
                    pause.pause(READ_BACKOFF.computeDelay(attempt - 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted reading s3://" + object.bucket() + "/" + object.key());
                }
            }
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
