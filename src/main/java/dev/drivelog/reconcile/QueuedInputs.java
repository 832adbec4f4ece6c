package dev.drivelog.reconcile;

import dev.drivelog.job.Job;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends each missing input as a direct job message, ten per {@code SendMessageBatch} (SQS's maximum).
 * Entries the queue refused are sent again once (throttling is the usual cause); entries refused
 * twice fail the pass, naming the key, rather than being silently dropped.
 */
public final class QueuedInputs implements MissingInputSink {
    static final int BATCH_SIZE = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final List<Job> pending = new ArrayList<>(BATCH_SIZE);
    private long sent;

    public QueuedInputs(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void accept(Job job) {
        pending.add(job);
        if (pending.size() == BATCH_SIZE) {
            flush();
        }
    }

    @Override
    public void finish() {
        flush();
    }

    @Override
    public long delivered() {
        return sent;
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<BatchResultErrorEntry> refused = send(pending);
        if (!refused.isEmpty()) {
            List<Job> again = new ArrayList<>();
            for (BatchResultErrorEntry error : refused) {
                again.add(pending.get(Integer.parseInt(error.id())));
            }
            List<BatchResultErrorEntry> refusedTwice = send(again);
            if (!refusedTwice.isEmpty()) {
                BatchResultErrorEntry first = refusedTwice.getFirst();
                Job job = again.get(Integer.parseInt(first.id()));
                throw new IllegalStateException("the queue refused " + refusedTwice.size() + " job(s) twice, e.g. "
                        + job.uri() + ": " + first.code() + " " + first.message());
            }
        }
        pending.clear();
    }

    /** Sends the jobs (ids are their indexes in {@code jobs}), counts what went through, returns what did not. */
    private List<BatchResultErrorEntry> send(List<Job> jobs) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(JobBodies.of(jobs.get(i))).build());
        }
        SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        sent += response.successful().size();
        return response.failed();
    }
}
