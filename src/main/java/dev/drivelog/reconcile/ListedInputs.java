package dev.drivelog.reconcile;

import dev.drivelog.job.Job;
import java.io.PrintStream;

/** The dry run's sink: prints each missing input as the job body that would be enqueued, one per line. */
public final class ListedInputs implements MissingInputSink {
    private final PrintStream out;

    public ListedInputs(PrintStream out) {
        this.out = out;
    }

    @Override
    public void accept(Job job) {
        out.println(JobBodies.of(job));
    }

    @Override
    public long delivered() {
        return 0;
    }
}
