package dev.drivelog.job;

import java.util.Map;

/** How one job ended. Only {@link Failed} asks for the message to be delivered again. */
public sealed interface JobOutcome {
    Job job();

    /** Analysed and committed now. */
    record Committed(Job job, ResultPrefix results, InputReport report, long inputBytes,
            Map<String, Long> outputBytes) implements JobOutcome {}

    /** Its manifest existed (or a concurrent duplicate committed first): nothing was done. */
    record Duplicate(Job job, ResultPrefix results) implements JobOutcome {}

    /** Its content was read and can never be analysed (not a drive log, over a limit): an error record was committed. */
    record Rejected(Job job, ResultPrefix results, String reason) implements JobOutcome {}

    /**
     * Not read and not retried: the object is gone (404), S3 refuses it for good (403, 400), or it is
     * over {@code pipeline.max_input_mib}. Only logged and counted; nothing is written, so nothing stands
     * in the way of a later read of the same object (a new upload of the same bytes, a reconcile pass).
     */
    record Refused(Job job, String reason) implements JobOutcome {}

    /** Not ours to analyse (a key inside the results area: our own output). */
    record Ignored(Job job, String reason) implements JobOutcome {}

    /**
     * May succeed later (network, throttling, a short read, a trip that timed out, time budget): the
     * message is retried.
     *
     * @param started whether the input's read had begun (result uploads may have been opened, and were aborted)
     */
    record Failed(Job job, String reason, boolean started) implements JobOutcome {}
}
