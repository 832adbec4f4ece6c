package dev.drivelog.queue;

import dev.drivelog.observability.PipelineMetrics;
import java.util.List;

/** The outcome of one batch: per message, and the ids to report as batch item failures. */
public record BatchResult(List<MessageResult> messages, PipelineMetrics metrics) {
    public BatchResult {
        messages = List.copyOf(messages);
    }

    /** Messages that failed transiently, in batch order: only these are delivered again. */
    public List<String> failedMessageIds() {
        return messages.stream().filter(MessageResult::retry).map(MessageResult::messageId).toList();
    }
}
