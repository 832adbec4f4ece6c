package dev.drivelog.queue;

import dev.drivelog.job.Job;
import java.util.List;

/**
 * What one SQS message body asks for.
 *
 * @param jobs    objects to analyse (possibly none, e.g. for {@code s3:TestEvent})
 * @param notes   records that were skipped on purpose, with why (e.g. an ObjectRemoved record)
 * @param problem null if the body was understood; otherwise why not (a permanent failure)
 */
public record ParsedBody(List<Job> jobs, List<String> notes, String problem) {
    public ParsedBody {
        jobs = List.copyOf(jobs);
        notes = List.copyOf(notes);
    }

    static ParsedBody unrecognised(String problem) {
        return new ParsedBody(List.of(), List.of(), problem);
    }

    public boolean understood() {
        return problem == null;
    }
}
