package dev.drivelog.queue;

import dev.drivelog.observability.JsonLog;
import dev.drivelog.observability.LogContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A long-running consumer of one queue (ECS, EC2): polls until asked to stop, then finishes the
 * batch in hand, deletes what succeeded and returns. {@link #stop()} is safe from a signal handler
 * thread (a JVM shutdown hook on SIGTERM) and waits for the loop to end.
 */
public final class Worker {
    private final QueuePoller poller;
    private final JsonLog log;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    public Worker(QueuePoller poller, JsonLog log) {
        this.poller = poller;
        this.log = log;
    }

    /** Polls on the calling thread until {@link #stop()}. */
    public void run() {
        LogContext context = LogContext.forRequest(null, null);
        log.info(context, "worker started", Map.of());
        try {
            poller.run(stopping::get);
        } finally {
            log.info(context, "worker stopped", Map.of());
            stopped.countDown();
        }
    }

    /** Asks the loop to end after the current batch and waits up to {@code grace} for it. */
    public boolean stop(Duration grace) throws InterruptedException {
        stopping.set(true);
        return stopped.await(grace.toMillis(), TimeUnit.MILLISECONDS);
    }
}
