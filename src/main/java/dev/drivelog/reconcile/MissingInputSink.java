package dev.drivelog.reconcile;

import dev.drivelog.job.Job;

/** Receives each input that has no result manifest, in listing order. */
public interface MissingInputSink {
    void accept(Job job);

    /** Called once after the last input; sends whatever is still buffered. */
    default void finish() {}

    /** Jobs handed on so far (enqueued, or 0 for a sink that only lists). */
    long delivered();
}
