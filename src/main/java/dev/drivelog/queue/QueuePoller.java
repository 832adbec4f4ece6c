package dev.drivelog.queue;

import dev.drivelog.job.TimeBudget;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.observability.LogContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Consumes an SQS queue the way Lambda's event source mapping does: long-poll a batch, hand it to
 * the {@link BatchProcessor}, delete the messages that succeeded, and leave the failed ones to
 * reappear after the visibility timeout (and, after the queue's maxReceiveCount, to move to its
 * dead-letter queue). Each batch gets the visibility timeout as its time budget, so work that
 * could not finish before the message reappears is not started. SQS errors are survived (logged,
 * the messages concerned come back); the poller never deletes a message whose jobs failed. Used by
 * one thread.
 */
public final class QueuePoller {
    static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final SqsClient sqs;
    private final String queueUrl;
    private final BatchProcessor processor;
    private final JsonLog log;
    private final int batchSize;
    private final int waitSeconds;
    private final Duration visibilityTimeout;
    private final Duration reserve;

    public QueuePoller(SqsClient sqs, String queueUrl, BatchProcessor processor, JsonLog log, int batchSize,
            int waitSeconds, Duration visibilityTimeout, Duration reserve) {
        if (batchSize < 1 || batchSize > 10) {
            throw new IllegalArgumentException("batch size must be 1..10 (SQS limit), got " + batchSize);
        }
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.processor = processor;
        this.log = log;
        this.batchSize = batchSize;
        this.waitSeconds = waitSeconds;
        this.visibilityTimeout = visibilityTimeout;
        this.reserve = reserve;
    }

    /**
     * What one poll did.
     *
     * @param received      messages received (0 when the queue was empty or the receive failed)
     * @param deleted       messages deleted after processing (the others come back after the visibility timeout)
     * @param batch         the processed batch, or null when nothing was received
     * @param receiveFailed SQS could not be reached or answered the receive with an error (after the SDK's retries)
     */
    public record PollResult(int received, int deleted, BatchResult batch, boolean receiveFailed) {}

    /**
     * Receives one batch (waiting up to the wait time) and processes it. SQS faults do not escape:
     * a failed receive is reported in the result, a failed delete is logged and its messages are
     * delivered again, when their jobs find the committed results and are duplicates. Only a
     * receive refused as a client error (4xx other than throttling, e.g. no such queue) throws.
     */
    public PollResult pollOnce() {
        LogContext context = LogContext.forRequest(UUID.randomUUID().toString(), null);
        List<Message> received;
        try {
            ReceiveMessageResponse response = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                    .maxNumberOfMessages(batchSize)
                    .waitTimeSeconds(waitSeconds)
                    .visibilityTimeout((int) visibilityTimeout.toSeconds())
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
            received = response.messages();
        } catch (SdkException e) {
            if (isClientError(e)) {
                throw e; // a wrong queue URL or missing rights: no retry will help, the caller must hear it
            }
            // Messages SQS handed out in a response that got lost are in flight unseen; they come back
            // after the visibility timeout like any unfinished message.
            log.warn(context, "receive failed: " + e.getMessage(), Map.of());
            return new PollResult(0, 0, null, true);
        }
        if (received.isEmpty()) {
            return new PollResult(0, 0, null, false);
        }
        List<QueueMessage> messages = new ArrayList<>();
        for (Message message : received) {
            String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
            messages.add(new QueueMessage(message.messageId(), message.body(), count == null ? 0 : Integer.parseInt(count)));
        }
        BatchResult batch = processor.process(messages, TimeBudget.ofRemaining(visibilityTimeout, reserve), context);
        Set<String> failed = Set.copyOf(batch.failedMessageIds());
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : received) {
            if (!failed.contains(message.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
                        .receiptHandle(message.receiptHandle()).build());
            }
        }
        int deleted = done.isEmpty() ? 0 : delete(done, context);
        log.info(context, "batch from queue", Map.of("received", received.size(), "deleted", deleted,
                "retried", failed.size()));
        return new PollResult(received.size(), deleted, batch, false);
    }

    /** Deletes the processed messages; returns how many SQS confirmed. */
    private int delete(List<DeleteMessageBatchRequestEntry> done, LogContext context) {
        try {
            var result = sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
            result.failed().forEach(f -> log.warn(context, "delete failed, message will be delivered again: " + f.message(),
                    Map.of("code", f.code())));
            return result.successful().size();
        } catch (SdkException e) {
            // Their results are committed: the redelivered messages will be duplicates, not new work.
            log.warn(context, "delete failed, " + done.size() + " messages will be delivered again: " + e.getMessage(),
                    Map.of());
            return 0;
        }
    }

    /**
     * Polls until {@code stop} says so (checked between batches; a running batch always finishes).
     * After failed receives it waits, doubling from {@link #FIRST_BACKOFF} up to {@link #MAX_BACKOFF},
     * so that an unreachable queue is not hammered.
     */
    public void run(BooleanSupplier stop) {
        int failuresInARow = 0;
        while (!stop.getAsBoolean()) {
            failuresInARow = pollOnce().receiveFailed() ? failuresInARow + 1 : 0;
            if (failuresInARow > 0) {
                try {
                    Thread.sleep(backoff(failuresInARow).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A 4xx other than throttling: the request itself is wrong (no such queue, access denied). */
    private static boolean isClientError(SdkException e) {
        return e instanceof AwsServiceException service && service.statusCode() >= 400 && service.statusCode() < 500
                && !service.isThrottlingException();
    }

    static Duration backoff(int failuresInARow) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(failuresInARow - 1, 16));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
