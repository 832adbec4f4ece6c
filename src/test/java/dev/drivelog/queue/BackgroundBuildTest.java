package dev.drivelog.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundBuildTest {
    @Test
    void join_whileTheCallerWorks_buildsAtTheSameTime() throws Exception {
        // Each side waits for the other to arrive: only two threads at work at once pass the
        // barrier (one after the other, the first would wait out the bound and break it).
        CyclicBarrier both = new CyclicBarrier(2);
        BackgroundBuild<String> built = BackgroundBuild.start("test-build", () -> {
            both.await(30, TimeUnit.SECONDS);
            return Thread.currentThread().getName();
        });
        both.await(30, TimeUnit.SECONDS);
        String thread = built.join();
        assertEquals("test-build", thread);
        assertNotEquals(Thread.currentThread().getName(), thread);
    }

    @Test
    void join_buildThrowsUnchecked_rethrowsTheSameException() {
        IllegalArgumentException cause = new IllegalArgumentException("no region");
        BackgroundBuild<String> built = BackgroundBuild.start("test-build", () -> {
            throw cause;
        });
        assertSame(cause, assertThrows(IllegalArgumentException.class, built::join));
    }

    @Test
    void join_buildThrowsChecked_wrapsItWithItsMessage() {
        BackgroundBuild<String> built = BackgroundBuild.start("test-build", () -> {
            throw new IOException("disk gone");
        });
        IllegalStateException thrown = assertThrows(IllegalStateException.class, built::join);
        assertEquals("disk gone", thrown.getMessage());
        assertTrue(thrown.getCause() instanceof IOException);
    }

    @Test
    void discard_callerFailed_closesTheBuiltValue() {
        List<String> closed = new ArrayList<>();
        BackgroundBuild<String> built = BackgroundBuild.start("test-build", () -> "client");
        RuntimeException callerFailure = new RuntimeException("map unreadable");
        built.discard(closed::add, callerFailure);
        assertEquals(List.of("client"), closed);
        assertEquals(0, callerFailure.getSuppressed().length);
    }

    @Test
    void discard_buildFailedToo_addsItsFailureAsSuppressed() {
        IllegalStateException buildFailure = new IllegalStateException("no credentials");
        BackgroundBuild<String> built = BackgroundBuild.start("test-build", () -> {
            throw buildFailure;
        });
        RuntimeException callerFailure = new RuntimeException("map unreadable");
        built.discard(value -> { }, callerFailure);
        assertSame(buildFailure, callerFailure.getSuppressed()[0]);
    }

    @Test
    void discard_callerFailureIsTheBuildsOwn_isNotSuppressedInItself() {
        IllegalStateException buildFailure = new IllegalStateException("no credentials");
        BackgroundBuild<String> built = BackgroundBuild.start("test-build", () -> {
            throw buildFailure;
        });
        RuntimeException fromJoin = assertThrows(IllegalStateException.class, built::join);
        built.discard(value -> { }, fromJoin);
        assertEquals(0, fromJoin.getSuppressed().length);
    }

    @Test
    void discard_buildWaitedForTheCallerWhoFailed_isNotSuppressedInTheFailure() {
        // The S3 client's build waits for the settings the caller reads; when reading them fails,
        // the build fails with that failure as its cause, which says nothing new.
        CompletableFuture<String> settings = new CompletableFuture<>();
        BackgroundBuild<String> built = BackgroundBuild.start("test-build", () -> "client for " + settings.join());
        RuntimeException callerFailure = new IllegalArgumentException("pipeline.output_bucket: required");
        settings.completeExceptionally(callerFailure);
        built.discard(value -> { }, callerFailure);
        assertEquals(0, callerFailure.getSuppressed().length);
    }
}
