package dev.drivelog.reconcile;

import dev.drivelog.job.Job;
import dev.drivelog.job.ResultLayout;
import dev.drivelog.job.ResultPrefix;
import dev.drivelog.storage.ObjectInfo;
import dev.drivelog.storage.ObjectMissingException;
import dev.drivelog.storage.ObjectUnreadableException;
import dev.drivelog.storage.S3ObjectStore;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Finds inputs whose results were never committed (an S3 notification that never arrived, a message
 * that ended in the dead-letter queue) by listing the inputs and checking, for each, the manifest at
 * the place {@link ResultLayout} puts it, exactly as {@code JobRunner} derives it. Memory is bounded
 * by one listing page (at most 1000 objects) whatever the number of inputs.
 *
 * <p>An unversioned input is checked with the ETag from the listing (one HEAD of its manifest). When
 * that manifest is missing the input itself is HEADed: in a versioned bucket the pipeline named the
 * results after the version id, so that manifest is checked too, and the job names the version.
 */
public final class Reconciler {
    private static final int S3_MAX_PAGE_SIZE = 1000;

    private final S3ObjectStore store;
    private final ResultLayout layout;
    private final int concurrentChecks;
    private final int pageSize;
    private final String keySuffix;

    /** {@code concurrentChecks} bounds the HEAD requests in flight (keep it within the client's connection pool). */
    public Reconciler(S3ObjectStore store, ResultLayout layout, int concurrentChecks) {
        this(store, layout, concurrentChecks, S3_MAX_PAGE_SIZE, "");
    }

    /** As above, listing {@code pageSize} keys per request (1..1000; small pages make tests cover paging). */
    Reconciler(S3ObjectStore store, ResultLayout layout, int concurrentChecks, int pageSize) {
        this(store, layout, concurrentChecks, pageSize, "");
    }

    private Reconciler(S3ObjectStore store, ResultLayout layout, int concurrentChecks, int pageSize, String keySuffix) {
        if (concurrentChecks < 1 || pageSize < 1 || pageSize > S3_MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("concurrentChecks must be positive and pageSize 1..1000, got "
                    + concurrentChecks + " and " + pageSize);
        }
        this.store = store;
        this.layout = layout;
        this.concurrentChecks = concurrentChecks;
        this.pageSize = pageSize;
        this.keySuffix = keySuffix;
    }

    /**
     * The same reconciler taking only keys that end with {@code suffix} ("" = every key): the inputs an
     * S3 notification with that suffix filter would have announced. Others are not counted.
     */
    public Reconciler onlyKeysEndingWith(String suffix) {
        return new Reconciler(store, layout, concurrentChecks, pageSize, suffix);
    }

    /**
     * One whole pass over {@code input}: every object modified at or after {@code since} (null: all)
     * that has no manifest goes to {@code sink}. Keys in the results area are skipped (our own outputs).
     */
    public ReconcileCounts run(S3Uri input, Instant since, MissingInputSink sink, Progress progress)
            throws InterruptedException {
        return run(input, ModificationWindow.since(since), null, () -> true, sink, progress);
    }

    /**
     * A pass bounded in time: as above for the inputs modified within {@code window}, listing only keys
     * after {@code startAfter} (null: from the start), and asking {@code timeLeft} before each key. Once it answers false no further key is
     * taken; the checks already started finish and their jobs reach the sink, and the counts say
     * where a later pass can resume. Nothing before that point is skipped, so nothing is lost.
     */
    public ReconcileCounts run(S3Uri input, ModificationWindow window, String startAfter, BooleanSupplier timeLeft,
            MissingInputSink sink, Progress progress) throws InterruptedException {
        long listed = 0;
        long missing = 0;
        String lastDone = startAfter == null ? "" : startAfter;
        boolean stopped = false;
        Semaphore inFlight = new Semaphore(concurrentChecks);
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(input.bucket()).prefix(input.prefix())
                .startAfter(startAfter == null || startAfter.isEmpty() ? null : startAfter).maxKeys(pageSize);
        try (ExecutorService checks = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ListObjectsV2Response page = store.client().listObjectsV2(request.build()); page != null;
                    page = nextPage(request, page)) {
                List<Future<Job>> pageChecks = new ArrayList<>(page.contents().size());
                for (S3Object object : page.contents()) {
                    if (!timeLeft.getAsBoolean()) {
                        stopped = true;
                        break;
                    }
                    lastDone = object.key();
                    if (layout.isResultKey(input.bucket(), object.key()) || object.key().endsWith("/")
                            || !object.key().endsWith(keySuffix)
                            || !window.contains(object.lastModified())) {
                        continue;
                    }
                    listed++;
                    inFlight.acquire();
                    pageChecks.add(checks.submit(() -> {
                        try {
                            return missingJob(input.bucket(), object);
                        } finally {
                            inFlight.release();
                        }
                    }));
                }
                for (Future<Job> check : pageChecks) {
                    Job job = result(check);
                    if (job != null) {
                        missing++;
                        sink.accept(job);
                    }
                }
                progress.update(listed, missing, sink.delivered(), false);
                if (stopped) {
                    break;
                }
            }
        }
        sink.finish();
        progress.update(listed, missing, sink.delivered(), true);
        return new ReconcileCounts(listed, missing, sink.delivered(), stopped ? lastDone : null);
    }

    /**
     * The page after {@code page}, or null after the last. The continuation token replaces the start
     * key: S3 ignores StartAfter once a token is given, and some S3-compatible servers (S3Proxy) refuse the pair.
     */
    private ListObjectsV2Response nextPage(ListObjectsV2Request.Builder request, ListObjectsV2Response page) {
        if (!Boolean.TRUE.equals(page.isTruncated()) || page.nextContinuationToken() == null) {
            return null;
        }
        return store.client().listObjectsV2(request.startAfter(null).continuationToken(page.nextContinuationToken()).build());
    }

    /** The job for an object without a manifest, or null when its results are committed (or it is gone). */
    private Job missingJob(String bucket, S3Object object) {
        String eTag = S3ObjectStore.unquote(object.eTag());
        if (manifestExists(layout.prefixFor(bucket, object.key(), "e:" + eTag))) {
            return null;
        }
        ObjectInfo current;
        try {
            current = store.head(bucket, object.key(), null);
        } catch (ObjectMissingException e) {
            return null; // deleted since the listing: nothing to analyse
        } catch (ObjectUnreadableException e) {
            // Listed but not readable: the role or a bucket policy changed; the pass fails and says so.
            throw new UncheckedIOException(e);
        }
        if (current.versionId() != null
                && manifestExists(layout.prefixFor(bucket, object.key(), "v:" + current.versionId()))) {
            return null;
        }
        if (current.versionId() == null && !current.eTag().equals(eTag)
                && manifestExists(layout.prefixFor(bucket, object.key(), "e:" + current.eTag()))) {
            return null; // overwritten since the listing and the new content is already analysed
        }
        return new Job(bucket, object.key(), current.versionId(), current.eTag(), current.sizeBytes());
    }

    private boolean manifestExists(ResultPrefix results) {
        return store.exists(results.bucket(), results.manifestKey());
    }

    private static Job result(Future<Job> check) throws InterruptedException {
        try {
            return check.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
