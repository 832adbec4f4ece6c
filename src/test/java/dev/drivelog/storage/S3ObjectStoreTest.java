package dev.drivelog.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** S3ObjectStore against a real S3-compatible server on 127.0.0.1 (S3Proxy), through the real SDK. */
class S3ObjectStoreTest {
    private static final int MIB = 1024 * 1024;
    private static final String BUCKET = "store-test";
    private static LocalS3 s3;
    private static S3ObjectStore store;
    /** Small parts, so that a few MiB exercise ranged reads and multipart uploads. */
    private static final TransferSettings SETTINGS = new TransferSettings(5 * MIB, 3, MIB, 3, MIB, 16);

    @BeforeAll
    static void start() throws Exception {
        s3 = LocalS3.start();
        s3.createBucket(BUCKET);
        store = new S3ObjectStore(s3.connection().s3Client(16), SETTINGS);
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
            assertTrue(((ObjectReadStream) in).content() instanceof RangedDownloadStream);
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

    @Test
    void openRead_bodyEndsBeforeTheObjectsSize_isAShortReadNotTheEnd() throws Exception {
        byte[] content = randomBytes(1000, 7);
        s3.put(BUCKET, "cut/input.bin", content);
        try (ShortReadLayer cut = new ShortReadLayer("cut/", 600, 1);
                S3ObjectStore cutting = new S3ObjectStore(s3.connection().withHttpLayer(cut::wrap).s3Client(4), SETTINGS)) {
            ObjectReadStream in = cutting.openRead(cutting.head(BUCKET, "cut/input.bin", null));

            ShortReadException e = assertThrows(ShortReadException.class, in::readAllBytes);

            assertTrue(e.getMessage().contains("cut/input.bin: read 600 bytes of 1000"), e.getMessage());
            assertTrue(in.endedEarly());
            assertThrows(ShortReadException.class, in::requireNotEndedEarly, "remembered for the caller");
        }
    }

    @Test
    void readRange_bodyCutTwice_retriedAfterABackOffEachTimeAndReadWhole() throws Exception {
        byte[] content = randomBytes(3 * MIB, 8);
        s3.put(BUCKET, "flaky/input.bin", content);
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        TransferSettings onePartAtATime = new TransferSettings(5 * MIB, 3, MIB, 1, MIB, 16);
        try (ShortReadLayer cut = new ShortReadLayer("flaky/", 1000, 2);
                S3ObjectStore flaky = new S3ObjectStore(s3.connection().withHttpLayer(cut::wrap).s3Client(4), onePartAtATime,
                        pauses::add)) {
            try (InputStream in = flaky.openRead(flaky.head(BUCKET, "flaky/input.bin", null))) {
                assertArrayEquals(content, in.readAllBytes());
            }
            assertEquals(2, cut.cut());
        }
        assertEquals(2, pauses.size(), "one back-off before each retry: " + pauses);
        assertTrue(pauses.stream().allMatch(p -> !p.isNegative() && p.compareTo(Duration.ofSeconds(2)) <= 0), pauses.toString());
    }

    @Test
    void openWrite_manySmallFilesOpenAtOnce_eachHoldsWhatItContainsNotAPart() throws IOException {
        // A month-long log: one dataset part per day, each with a few rows, all open until the input is done.
        List<PendingUpload> days = new ArrayList<>();
        for (int day = 1; day <= 31; day++) {
            PendingUpload upload = store.openWrite(BUCKET, "days/dt=" + day + ".jsonl", "application/x-ndjson");
            upload.write(("{\"day\":" + day + "}\n").repeat(50).getBytes(StandardCharsets.UTF_8));
            days.add(upload);
        }

        long held = days.stream().mapToLong(PendingUpload::bufferedCapacityBytes).sum();
        assertTrue(held <= 31L * PendingUpload.FIRST_BUFFER_BYTES, held + " bytes held for 31 small files");

        for (PendingUpload upload : days) {
            upload.commit();
        }
        assertEquals("{\"day\":31}\n".repeat(50), new String(s3.get(BUCKET, "days/dt=31.jsonl"), StandardCharsets.UTF_8));
    }

    @Test
    void openWrite_growingPastTheFirstBuffer_keepsEveryByte() throws IOException {
        byte[] content = randomBytes(PendingUpload.FIRST_BUFFER_BYTES * 5 + 3, 9);
        PendingUpload upload = store.openWrite(BUCKET, "out/grown.bin", "application/octet-stream");
        for (int offset = 0; offset < content.length; offset += 1000) {
            upload.write(content, offset, Math.min(1000, content.length - offset));
        }
        upload.commit();
        assertFalse(upload.isMultipart());
        assertArrayEquals(content, s3.get(BUCKET, "out/grown.bin"));
    }

    @Test
    void head_bucketDeniesUs_isUnreadableNamingTheObjectAndTheAnswer() throws Exception {
        s3.put(BUCKET, "denied/input.bin", new byte[10]);
        try (BucketAccessLayer layer = new BucketAccessLayer().deny(BUCKET);
                S3ObjectStore denied = new S3ObjectStore(s3.connection().withHttpLayer(layer::wrap).s3Client(4), SETTINGS)) {
            ObjectUnreadableException e = assertThrows(ObjectUnreadableException.class,
                    () -> denied.head(BUCKET, "denied/input.bin", null));
            assertTrue(e.getMessage().contains("s3://" + BUCKET + "/denied/input.bin (403 AccessDenied)"), e.getMessage());
            assertThrows(java.io.UncheckedIOException.class, () -> denied.exists(BUCKET, "denied/input.bin"),
                    "a manifest check refused is our configuration: fails the job, to be retried");
        }
    }
}
