package dev.drivelog.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.queue.QueueMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads the SQS event Lambda's event source mapping sends ({@code Records[]} of messages). */
final class SqsEvent {
    private SqsEvent() {}

    /** @throws IOException when the input is not an SQS event at all (then the whole invocation fails) */
    static List<QueueMessage> read(InputStream in, ObjectMapper json) throws IOException {
        JsonNode root = json.readTree(in);
        JsonNode records = root == null ? null : root.get("Records");
        if (records == null || !records.isArray()) {
            throw new IOException("not an SQS event: no Records array");
        }
        List<QueueMessage> messages = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            JsonNode id = record.get("messageId");
            if (id == null || !id.isTextual()) {
                throw new IOException("not an SQS event: Records[" + i + "] has no messageId");
            }
            int receiveCount = record.path("attributes").path("ApproximateReceiveCount").asInt(0);
            messages.add(new QueueMessage(id.asText(), record.path("body").asText(""), receiveCount));
        }
        return messages;
    }
}
