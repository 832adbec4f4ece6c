package dev.drivelog.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * What a long multipart upload costs in memory, and that a refused part still aborts it, against an
 * S3 stand-in in the test's own JVM ({@link MultipartStubClient}) so that every byte allocated here
 * is the client's. The stand-in is addressed over HTTPS with the SDK's default checksums, as the
 * Lambda function talks to S3.
 */
class UploadMemoryTest {
    private static final int MIB = 1024 * 1024;
    private static final int PARTS_IN_FLIGHT = 3;
    private static final TransferSettings SETTINGS = new TransferSettings(5 * MIB, PARTS_IN_FLIGHT, MIB, 2, MIB, 8);
    private static final URI ENDPOINT = URI.create("https://s3.stub.invalid");
    /** 30 parts of 5 MiB and a short last one. */
    private static final int UPLOAD_BYTES = 30 * 5 * MIB + 4321;

    private static byte[] block(long seed) {
        byte[] bytes = new byte[64 * 1024];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Writes {@code UPLOAD_BYTES} in 64 KiB writes, as an output writer does; returns the content's CRC-32. */
    private static long writeLongOutput(PendingUpload upload) throws IOException {
        byte[] block = block(1);
        CRC32 crc = new CRC32();
        for (int written = 0; written < UPLOAD_BYTES; ) {
            int n = Math.min(block.length, UPLOAD_BYTES - written);
            upload.write(block, 0, n);
            crc.update(block, 0, n);
            written += n;
        }
        return crc.getValue();
    }

    private static long allocatedBytesSoFar() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    @Test
    void longUpload_reusesAtMostPartsInFlightPlusOnePartBuffers() throws IOException {
        MultipartStubClient stub = new MultipartStubClient();
        try (S3ObjectStore store = new S3ObjectStore(stub.connection(ENDPOINT).s3Client(8), SETTINGS)) {
            for (int upload = 1; upload <= 2; upload++) {
                PendingUpload out = store.openWrite("bucket", "long-" + upload + ".bin", "application/octet-stream");
                writeLongOutput(out);
                out.commit();
            }
            long parts = stub.sent().stream().filter(MultipartStubClient.Sent::isPart).count();
            assertEquals(2 * 31, parts);
            // One buffer filling while the others are sent; the second upload allocates none.
            assertTrue(store.uploadBufferPool().allocatedCount() <= PARTS_IN_FLIGHT + 1,
                    store.uploadBufferPool().allocatedCount() + " part buffers allocated for " + parts + " parts");
        }
    }

    @Test
    void longUpload_allocatesFarLessThanItSends() throws IOException {
        MultipartStubClient stub = new MultipartStubClient();
        try (S3ObjectStore store = new S3ObjectStore(stub.connection(ENDPOINT).s3Client(8), SETTINGS)) {
            PendingUpload warmUp = store.openWrite("bucket", "warm-up.bin", "application/octet-stream");
            writeLongOutput(warmUp);
            warmUp.commit();

            long before = allocatedBytesSoFar();
            PendingUpload measured = store.openWrite("bucket", "measured.bin", "application/octet-stream");
            writeLongOutput(measured);
            measured.commit();
            long allocated = allocatedBytesSoFar() - before;

            // Was 166 MiB for these 150 MiB: the SDK's aws-chunked encoding copied every 128 KiB chunk
            // into a new array. Now about 11 MiB: the first part's buffer growing to a whole part and
            // the SDK's objects per request.
            assertTrue(allocated < UPLOAD_BYTES / 4,
                    allocated / MIB + " MiB allocated to upload " + UPLOAD_BYTES / MIB + " MiB");
        }
    }

    @Test
    void parts_goOutWhole_withTheirChecksumInAHeader_andArriveIntact() throws IOException {
        MultipartStubClient stub = new MultipartStubClient();
        try (S3ObjectStore store = new S3ObjectStore(stub.connection(ENDPOINT).s3Client(8), SETTINGS)) {
            PendingUpload out = store.openWrite("bucket", "whole.bin", "application/octet-stream");
            writeLongOutput(out);
            out.commit();
        }
        List<MultipartStubClient.Sent> parts = stub.sent().stream().filter(MultipartStubClient.Sent::isPart).toList();
        for (MultipartStubClient.Sent part : parts) {
            assertFalse(part.header("Content-Encoding").orElse("").contains("aws-chunked"), part.headers().toString());
            assertEquals(Long.toString(part.bodyBytes()), part.header("Content-Length").orElseThrow());
            assertTrue(part.header("x-amz-checksum-crc32").isPresent(), "integrity kept: " + part.headers());
        }
        long sent = parts.stream().mapToLong(MultipartStubClient.Sent::bodyBytes).sum();
        assertEquals(UPLOAD_BYTES, sent);
    }

    @Test
    void refusedPart_failsTheUpload_andAbortsIt() throws IOException {
        MultipartStubClient stub = new MultipartStubClient().refuse(4);
        try (S3ObjectStore store = new S3ObjectStore(stub.connection(ENDPOINT).s3Client(8), SETTINGS)) {
            PendingUpload out = store.openWrite("bucket", "refused.bin", "application/octet-stream");
            // The writer hears of it at a later part or at the latest on commit, which aborts.
            assertThrows(IOException.class, () -> {
                writeLongOutput(out);
                out.commit();
            });
            out.abort();
        }
        List<MultipartStubClient.Sent> sent = stub.sent();
        assertTrue(sent.stream().anyMatch(s -> s.method().equals("DELETE") && s.query().containsKey("uploadId")),
                "AbortMultipartUpload sent");
        assertTrue(sent.stream().noneMatch(s -> s.method().equals("POST") && s.query().containsKey("uploadId")),
                "never completed");
    }
}
