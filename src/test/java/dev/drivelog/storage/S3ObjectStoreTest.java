package dev.drivelog.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** S3ObjectStore against a real S3-compatible server on 127.0.0.1 (S3Proxy), through the real SDK. */
class S3ObjectStoreTest {
    private static final int MIB = 1024 * 1024;
    private static final String BUCKET = "store-test";
    private static LocalS3 s3;
    private static S3ObjectStore store;

    @BeforeAll
    static void start() throws Exception {
        s3 = LocalS3.start();
        s3.createBucket(BUCKET);
        // Small parts so that a few MiB exercise ranged reads and multipart uploads.
        TransferSettings settings = new TransferSettings(5 * MIB, 3, MIB, 3, MIB, 16);
        store = new S3ObjectStore(s3.connection().s3Client(16), settings);
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        s3.close();
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @Test
    void openRead_objectLargerThanRangeThreshold_readsExactContentInRanges() throws IOException {
        byte[] content = randomBytes(5 * MIB + 12345, 1);
        s3.put(BUCKET, "ranged/input.bin", content);
        ObjectInfo info = store.head(BUCKET, "ranged/input.bin", null);
        try (InputStream in = store.openRead(info)) {
            assertTrue(in instanceof RangedDownloadStream);
            assertArrayEquals(content, in.readAllBytes());
        }
    }

    @Test
    void openRead_smallObject_readsExactContent() throws IOException {
        byte[] content = randomBytes(1000, 2);
        s3.put(BUCKET, "small/input.bin", content);
        try (InputStream in = store.openRead(store.head(BUCKET, "small/input.bin", null))) {
            assertArrayEquals(content, in.readAllBytes());
        }
    }

    @Test
    void openRead_objectReplacedAfterHead_failsInsteadOfMixingVersions() throws IOException {
        s3.put(BUCKET, "replaced.bin", randomBytes(3 * MIB, 3));
        ObjectInfo before = store.head(BUCKET, "replaced.bin", null);
        s3.put(BUCKET, "replaced.bin", randomBytes(3 * MIB, 4));
        assertThrows(Exception.class, () -> {
            try (InputStream in = store.openRead(before)) {
                in.readAllBytes();
            }
        });
    }

    @Test
    void head_missingObject_throwsObjectMissing() {
        assertThrows(ObjectMissingException.class, () -> store.head(BUCKET, "no/such/key", null));
    }

    @Test
    void openWrite_outputLargerThanPartSize_uploadsMultipartWithExactContentAndNoLeftovers() throws IOException {
        byte[] content = randomBytes(12 * MIB + 777, 5);
        PendingUpload upload = store.openWrite(BUCKET, "out/large.bin", "application/octet-stream");
        for (int offset = 0; offset < content.length; offset += 100_000) {
            upload.write(content, offset, Math.min(100_000, content.length - offset));
        }
        upload.close();
        assertFalse(store.exists(BUCKET, "out/large.bin"), "invisible before commit");
        upload.commit();
        assertTrue(upload.isMultipart());
        assertArrayEquals(content, s3.get(BUCKET, "out/large.bin"));
        assertTrue(s3.multipartUploads(BUCKET).isEmpty());
    }

    @Test
    void openWrite_smallOutput_usesOnePut() throws IOException {
        PendingUpload upload = store.openWrite(BUCKET, "out/small.json", "application/json");
        upload.write("{\"ok\":true}".getBytes());
        upload.commit();
        assertFalse(upload.isMultipart());
        assertEquals("{\"ok\":true}", new String(s3.get(BUCKET, "out/small.json")));
    }

    @Test
    void abort_afterSeveralParts_leavesNoObjectAndNoMultipartUpload() throws IOException {
        PendingUpload upload = store.openWrite(BUCKET, "out/aborted.bin", "application/octet-stream");
        upload.write(randomBytes(11 * MIB, 6));
        assertTrue(upload.isMultipart());
        upload.close();
        upload.abort();
        assertFalse(store.exists(BUCKET, "out/aborted.bin"));
        assertTrue(s3.multipartUploads(BUCKET).stream().noneMatch(u -> u.key().equals("out/aborted.bin")));
    }

    @Test
    void putIfAbsent_secondWrite_returnsFalseAndKeepsFirstContent() {
        assertTrue(store.putIfAbsent(BUCKET, "marker/manifest.json", "application/json", "first".getBytes()));
        assertFalse(store.putIfAbsent(BUCKET, "marker/manifest.json", "application/json", "second".getBytes()));
        assertEquals("first", new String(s3.get(BUCKET, "marker/manifest.json")));
    }
}
