package dev.drivelog.queue;

import dev.drivelog.job.JobOutcome;
import java.util.List;

/**
 * How one message ended.
 *
 * @param problem why the body was not understood (a permanent failure), or null
 * @param retry   true if the message must be delivered again (a job failed transiently)
 */
public record MessageResult(String messageId, List<JobOutcome> outcomes, String problem, boolean retry) {
    public MessageResult {
        outcomes = List.copyOf(outcomes);
    }
}
