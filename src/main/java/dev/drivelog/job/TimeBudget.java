package dev.drivelog.job;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The time left for a batch, from the invocation deadline. Work is started only when its estimate
 * plus a reserve (for writing results, the batch response and the log flush) still fits, so Lambda
 * never kills a batch half way. Thread-safe (immutable; reads a clock).
 */
public final class TimeBudget {
    private final long deadlineNanos;
    private final long reserveNanos;
    private final LongSupplier nanoClock;

    TimeBudget(long deadlineNanos, Duration reserve, LongSupplier nanoClock) {
        this.deadlineNanos = deadlineNanos;
        this.reserveNanos = reserve.toNanos();
        this.nanoClock = nanoClock;
    }

    /** A budget ending {@code remaining} from now. */
    public static TimeBudget ofRemaining(Duration remaining, Duration reserve) {
        long now = System.nanoTime();
        return new TimeBudget(now + remaining.toNanos(), reserve, System::nanoTime);
    }

    /** No deadline (the worker: SQS visibility is extended instead). */
    public static TimeBudget unlimited() {
        return new TimeBudget(Long.MAX_VALUE, Duration.ZERO, () -> 0L);
    }

    public Duration remaining() {
        long left = deadlineNanos - nanoClock.getAsLong();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** True if work estimated to take {@code estimate} can still finish before the reserve. */
    public boolean allowsStart(Duration estimate) {
        if (deadlineNanos == Long.MAX_VALUE) {
            return true;
        }
        long left = deadlineNanos - nanoClock.getAsLong();
        return left - reserveNanos - estimate.toNanos() > 0;
    }
}
