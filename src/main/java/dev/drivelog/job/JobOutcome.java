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

    /** Can never succeed (object gone, unreadable, too large): an error record was committed instead. */
    record Rejected(Job job, ResultPrefix results, String reason) implements JobOutcome {}

    /**
     * Can never succeed and not even an error record could be written (access denied to the input's
     * bucket, which is also where its results would go): only logged; the message is not retried.
     */
    record Refused(Job job, String reason) implements JobOutcome {}

    /** Not ours to analyse (a key inside the results area: our own output). */
    record Ignored(Job job, String reason) implements JobOutcome {}

    /** May succeed later (network, throttling, time budget): the message is retried. */
    record Failed(Job job, String reason, boolean started) implements JobOutcome {}
}
