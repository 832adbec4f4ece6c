package dev.drivelog.storage;

import dev.drivelog.demo.EmbeddedS3;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * Benchmark (not a test) of 1 GB-class transfers against a local S3-compatible server; driven by
 * bench/pipeline-transfers.sh, which also times the AWS CLI on the same object. Modes:
 * {@code server} starts S3Proxy (in memory) and prints its endpoint; the client modes move a file
 * to or from S3 and print one line: mode, bytes, seconds, MiB/s, peak heap MiB. The drivelog modes
 * with {@code -Dbench.warm=true} first make the same transfer once untimed in the same JVM (a
 * warm container: classes loaded, code compiled, buffers pooled) and then time the second, adding
 * the process CPU seconds of the timed transfer.
 */
public final class TransferBenchmark {
    private static final int MIB = 1024 * 1024;

    private TransferBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("server")) {
            try (EmbeddedS3 s3 = EmbeddedS3.start(null)) {
                System.out.println(s3.endpoint());
                System.out.flush();
                System.in.read();
            }
            return;
        }
        URI endpoint = URI.create(args[1]);
        String bucket = args[2];
        String key = args[3];
        Path file = Path.of(args[4]);
        S3Connection connection = S3Connection.local(endpoint, EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY);
        if (Boolean.getBoolean("bench.warm")) {
            warm(args[0], connection, bucket, key, file);
            return;
        }
        long start = System.nanoTime();
        long bytes;
        switch (args[0]) {
            case "create-bucket" -> {
                try (var client = connection.s3Client(1)) {
                    client.createBucket(b -> b.bucket(bucket));
                }
                return;
            }
            case "upload-drivelog" -> bytes = uploadDrivelog(connection, bucket, key, file);
            case "download-drivelog" -> bytes = downloadDrivelog(connection, bucket, key, file);
            case "upload-transfer-manager" -> bytes = withTransferManager(connection, tm -> {
                tm.uploadFile(u -> u.putObjectRequest(p -> p.bucket(bucket).key(key)).source(file)).completionFuture().join();
                return Files.size(file);
            });
            case "download-transfer-manager" -> bytes = withTransferManager(connection, tm -> {
                Files.deleteIfExists(file);
                tm.downloadFile(d -> d.getObjectRequest(g -> g.bucket(bucket).key(key)).destination(file)).completionFuture().join();
                return Files.size(file);
            });
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s bytes=%d seconds=%.2f MiB/s=%.0f peak_heap_MiB=%d%n", args[0], bytes, seconds,
                bytes / (double) MIB / seconds, peakHeapBytes() / MIB);
    }

    /** One untimed transfer, then the same one timed, through one store (as a warm container moves one object after another). */
    private static void warm(String mode, S3Connection connection, String bucket, String key, Path file) throws Exception {
        TransferSettings settings = settings();
        try (S3ObjectStore store = new S3ObjectStore(connection.s3Client(settings.maxConnections()), settings)) {
            Callable<Long> transfer = switch (mode) {
                case "upload-drivelog" -> () -> upload(store, bucket, key, file);
                case "download-drivelog" -> () -> download(store, bucket, key, file);
                default -> throw new IllegalArgumentException(mode + " has no warm variant");
            };
            transfer.call();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            long bytes = transfer.call();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s-warm bytes=%d seconds=%.2f MiB/s=%.0f peak_heap_MiB=%d timed_cpu_s=%.2f%n", mode, bytes, seconds,
                    bytes / (double) MIB / seconds, peakHeapBytes() / MIB, (os.getProcessCpuTime() - cpuBefore) / 1e9);
        }
    }

    /** The defaults, or parts in flight from {@code -Dbench.partsInFlight=N} (both directions). */
    private static TransferSettings settings() {
        TransferSettings d = TransferSettings.defaults();
        int inFlight = Integer.getInteger("bench.partsInFlight", d.uploadPartsInFlight());
        return new TransferSettings(d.uploadPartSizeBytes(), inFlight, d.downloadPartSizeBytes(), inFlight,
                d.rangedDownloadMinimumBytes(), d.maxConnections());
    }

    private static long uploadDrivelog(S3Connection connection, String bucket, String key, Path file) throws Exception {
        TransferSettings settings = settings();
        try (S3ObjectStore store = new S3ObjectStore(connection.s3Client(settings.maxConnections()), settings)) {
            return upload(store, bucket, key, file);
        }
    }

    private static long upload(S3ObjectStore store, String bucket, String key, Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            PendingUpload upload = store.openWrite(bucket, key, "application/octet-stream");
            in.transferTo(upload);
            upload.commit();
            return upload.bytesWritten();
        }
    }

    private static long downloadDrivelog(S3Connection connection, String bucket, String key, Path file) throws Exception {
        TransferSettings settings = settings();
        try (S3ObjectStore store = new S3ObjectStore(connection.s3Client(settings.maxConnections()), settings)) {
            return download(store, bucket, key, file);
        }
    }

    private static long download(S3ObjectStore store, String bucket, String key, Path file) throws Exception {
        try (InputStream in = store.openRead(store.head(bucket, key, null));
                OutputStream out = Files.newOutputStream(file)) {
            return in.transferTo(out);
        }
    }

    private interface TransferJob {
        long run(S3TransferManager tm) throws Exception;
    }

    /** The SDK's transfer manager over the Java-based multipart async client (CRT's multipart upload breaks on S3Proxy). */
    private static long withTransferManager(S3Connection connection, TransferJob job) throws Exception {
        try (S3AsyncClient client = S3AsyncClient.builder()
                        .endpointOverride(connection.endpoint())
                        .region(Region.of(connection.region()))
                        .credentialsProvider(connection.credentials())
                        .forcePathStyle(true)
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                        .multipartEnabled(true)
                        .multipartConfiguration(m -> m.minimumPartSizeInBytes(8L * MIB).thresholdInBytes(16L * MIB))
                        .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(64)
                                .connectionAcquisitionTimeout(Duration.ofMinutes(2)))
                        .build();
                S3TransferManager tm = S3TransferManager.builder().s3Client(client).build()) {
            return job.run(tm);
        }
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
