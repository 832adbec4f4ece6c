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
 * could not finish before the message reappears is not started. Used by one thread.
 */
public final class QueuePoller {
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

    /** What one poll did. */
    public record PollResult(int received, int deleted, BatchResult batch) {}

    /** Receives one batch (waiting up to the wait time) and processes it; received is 0 when the queue was empty. */
    public PollResult pollOnce() {
        ReceiveMessageResponse response = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                .maxNumberOfMessages(batchSize)
                .waitTimeSeconds(waitSeconds)
                .visibilityTimeout((int) visibilityTimeout.toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
        List<Message> received = response.messages();
        if (received.isEmpty()) {
            return new PollResult(0, 0, null);
        }
        List<QueueMessage> messages = new ArrayList<>();
        for (Message message : received) {
            String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
            messages.add(new QueueMessage(message.messageId(), message.body(), count == null ? 0 : Integer.parseInt(count)));
        }
        LogContext context = LogContext.forRequest(UUID.randomUUID().toString(), null);
        BatchResult batch = processor.process(messages, TimeBudget.ofRemaining(visibilityTimeout, reserve), context);
        Set<String> failed = Set.copyOf(batch.failedMessageIds());
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : received) {
            if (!failed.contains(message.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
                        .receiptHandle(message.receiptHandle()).build());
            }
        }
        int deleted = 0;
        if (!done.isEmpty()) {
            var result = sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
            deleted = result.successful().size();
            result.failed().forEach(f -> log.warn(context, "delete failed, message will be delivered again: " + f.message(),
                    Map.of("code", f.code())));
        }
        log.info(context, "batch from queue", Map.of("received", received.size(), "deleted", deleted,
                "retried", failed.size()));
        return new PollResult(received.size(), deleted, batch);
    }

    /** Polls until {@code stop} says so (checked between batches; a running batch always finishes). */
    public void run(BooleanSupplier stop) {
        while (!stop.getAsBoolean()) {
            pollOnce();
        }
    }
}
