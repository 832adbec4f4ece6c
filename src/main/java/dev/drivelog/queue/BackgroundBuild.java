package dev.drivelog.queue;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * A value built on a thread of its own while the caller does other start-up work: a container's
 * init builds the S3 client (the SDK's class loading and set-up) and opens the analysis (the map,
 * the native library, the engine's warm-up), two independent pieces of about the same size, and
 * Lambda gives init the function's vCPUs. A platform thread, not a virtual one: the work is CPU
 * and class loading, not waiting.
 */
final class BackgroundBuild<T> {
    private final FutureTask<T> task;

    private BackgroundBuild(Callable<T> build) {
        this.task = new FutureTask<>(build);
    }

    /** Starts building on a new daemon thread named {@code name}. */
    static <T> BackgroundBuild<T> start(String name, Callable<T> build) {
        BackgroundBuild<T> background = new BackgroundBuild<>(build);
        Thread.ofPlatform().name(name).daemon().start(background.task);
        return background;
    }

    /** Waits for the value; a failure of the build is rethrown as it was (checked ones wrapped). */
    T join() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw new IllegalStateException("interrupted while waiting for " + task, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }

    /**
     * The caller failed and will not use the value: waits for it and hands it to {@code close}. A
     * failure of the build itself is added to {@code callerFailure} as suppressed, never thrown.
     */
    void discard(Consumer<T> close, Throwable callerFailure) {
        try {
            close.accept(join());
        } catch (RuntimeException | Error e) {
            // The caller's failure may be this build's (from join()), or the cause of it: a build
            // waiting for something the caller was to provide is told of the caller's failure.
            if (e != callerFailure && e.getCause() != callerFailure) {
                callerFailure.addSuppressed(e);
            }
        }
    }
}
