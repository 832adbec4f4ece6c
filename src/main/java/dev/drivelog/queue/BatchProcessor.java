package dev.drivelog.queue;

import dev.drivelog.job.FatalErrors;
import dev.drivelog.job.Job;
import dev.drivelog.job.JobOutcome;
import dev.drivelog.job.JobRunner;
import dev.drivelog.job.TimeBudget;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.observability.LogContext;
import dev.drivelog.observability.PipelineMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Processes one batch of SQS messages, the same way for Lambda, the worker and the demo: every
 * job of every message runs concurrently on a virtual thread (the job runner bounds the CPU-heavy
 * analyses), then each message is judged on its own. A body that is not understood is a
 * permanent failure of that message only, logged with the reason and not retried; a message is
 * retried only if one of its jobs failed transiently. A job that crashes, even with an
 * {@code Error}, fails its own message only; a {@linkplain FatalErrors fatal} error ends the batch
 * (and the invocation). Ends with one metrics line. Thread-safe.
 */
public final class BatchProcessor {
    private final JobRunner runner;
    private final MessageBodyParser parser = new MessageBodyParser();
    private final JsonLog log;
    private final String functionName;

    public BatchProcessor(JobRunner runner, JsonLog log, String functionName) {
        this.runner = runner;
        this.log = log;
        this.functionName = functionName;
    }

    public BatchResult process(List<QueueMessage> messages, TimeBudget budget, LogContext context) {
        long startNanos = System.nanoTime();
        PipelineMetrics metrics = new PipelineMetrics();
        List<List<Future<JobOutcome>>> futures = new ArrayList<>();
        List<ParsedBody> bodies = new ArrayList<>();
        try (ExecutorService jobs = Executors.newVirtualThreadPerTaskExecutor()) {
            for (QueueMessage message : messages) {
                LogContext messageContext = context.withMessage(message.messageId());
                ParsedBody body = parser.parse(message.body());
                bodies.add(body);
                List<Future<JobOutcome>> messageJobs = new ArrayList<>();
                if (!body.understood()) {
                    metrics.messageDropped();
                    log.error(messageContext, "message not understood, dropped without retry: " + body.problem(),
                            Map.of("receiveCount", message.receiveCount()));
                }
                body.notes().forEach(note -> log.info(messageContext, note, Map.of()));
                for (Job job : body.jobs()) {
                    messageJobs.add(jobs.submit(() -> runner.run(job, budget, messageContext, metrics)));
                }
                futures.add(messageJobs);
            }
        }
        List<MessageResult> results = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            List<JobOutcome> outcomes = new ArrayList<>();
            List<Job> messageJobs = bodies.get(i).jobs();
            for (int j = 0; j < messageJobs.size(); j++) {
                outcomes.add(outcomeOf(messageJobs.get(j), futures.get(i).get(j)));
            }
            boolean retry = outcomes.stream().anyMatch(o -> o instanceof JobOutcome.Failed);
            results.add(new MessageResult(messages.get(i).messageId(), outcomes, bodies.get(i).problem(), retry));
        }
        long batchMillis = (System.nanoTime() - startNanos) / 1_000_000;
        log.printMetrics(metrics.toEmbeddedMetricFormat(functionName, batchMillis, context));
        return new BatchResult(results, metrics);
    }

    /**
     * The job's outcome. {@link JobRunner#run} returns one for everything but a fatal error; should
     * anything else escape (its logging, say), it fails this job alone, as a failure to be retried.
     */
    private static JobOutcome outcomeOf(Job job, Future<JobOutcome> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error && FatalErrors.isFatal(error)) {
                throw error;
            }
            return new JobOutcome.Failed(job, "crashed: " + cause, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for jobs", e);
        }
    }
}
