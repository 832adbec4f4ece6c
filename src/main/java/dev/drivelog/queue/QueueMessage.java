package dev.drivelog.queue;

/** One SQS message as the pipeline needs it. {@code receiveCount} is 0 when unknown. */
public record QueueMessage(String messageId, String body, int receiveCount) {}
