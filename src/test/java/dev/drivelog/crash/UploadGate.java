package dev.drivelog.crash;

import dev.drivelog.demo.S3RequestHook;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds every multipart upload completion ({@code POST ...?uploadId=}) into one bucket until
 * {@link #dropHeld()}, then fails the held ones and lets later ones through. A client whose
 * completion is held is stopped at a known point: its parts are sent, the upload is not completed,
 * and files it committed before (single PUTs) are complete but have no manifest yet.
 */
final class UploadGate implements S3RequestHook {
    private final String bucketPath;
    private final CountDownLatch firstHeld = new CountDownLatch(1);
    private final CountDownLatch opened = new CountDownLatch(1);
    private final Set<String> heldUploadIds = ConcurrentHashMap.newKeySet();

    UploadGate(String bucket) {
        this.bucketPath = "/" + bucket + "/";
    }

    @Override
    public void before(String method, String path, String query) throws IOException {
        if (!"POST".equals(method) || !path.startsWith(bucketPath) || query == null || !query.contains("uploadId=")
                || opened.getCount() == 0) {
            return;
        }
        heldUploadIds.add(uploadId(query));
        firstHeld.countDown();
        try {
            opened.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IOException("upload completion dropped by the test: its client was killed while it was held");
    }

    /** Waits until a completion is held; false when none came within {@code limit}. */
    boolean awaitHeld(Duration limit) throws InterruptedException {
        return firstHeld.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Fails the held completions (their client is gone) and stops holding. */
    void dropHeld() {
        opened.countDown();
    }

    /** Upload ids of the multipart uploads whose completion was held. */
    Set<String> heldUploadIds() {
        return Set.copyOf(heldUploadIds);
    }

    private static String uploadId(String query) {
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("uploadId=")) {
                return URLDecoder.decode(parameter.substring("uploadId=".length()), StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
