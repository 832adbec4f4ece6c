package dev.drivelog.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drivelog.job.TimeBudget;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.observability.LogContext;
import dev.drivelog.observability.StartupTrace;
import dev.drivelog.observability.TraceId;
import dev.drivelog.queue.BatchResult;
import dev.drivelog.queue.Pipeline;
import dev.drivelog.queue.QueueMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Lambda entry point ({@code dev.drivelog.lambda.SqsBatchHandler::handleRequest}) for SQS
 * batches, with {@code ReportBatchItemFailures}: the response lists only the messages that failed
 * transiently. The runtime builds one instance per container, so everything heavy (S3 client,
 * analysis, map) is built in the constructor, before the first event.
 */
public final class SqsBatchHandler implements RequestStreamHandler {
    private final ObjectMapper json = new ObjectMapper();
    private final Pipeline pipeline;
    private final JsonLog log;

    /** Used by the Lambda runtime: configured from the environment. */
    public SqsBatchHandler() {
        StartupTrace.mark("handler constructor");
        this.log = JsonLog.toStandardOutput();
        this.pipeline = Pipeline.fromEnvironment(System.getenv(), log);
        log.info(LogContext.forRequest(null, null), "handler ready", Map.of(
                "analysisConcurrency", pipeline.settings().analysisConcurrency(),
                "maxConnections", pipeline.settings().transfers().maxConnections(),
                // The value to query the violations table with (docs/OUTPUTS.md).
                "resultVersion", pipeline.runner().layout().resultVersion()));
        StartupTrace.mark("handler ready");
    }

    SqsBatchHandler(Pipeline pipeline, JsonLog log) {
        this.pipeline = pipeline;
        this.log = log;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        StartupTrace.mark("event received");
        LogContext requestContext = LogContext.forRequest(context.getAwsRequestId(), TraceId.current());
        List<QueueMessage> messages = SqsEvent.read(input, json);
        TimeBudget budget = TimeBudget.ofRemaining(Duration.ofMillis(context.getRemainingTimeInMillis()),
                pipeline.settings().timeReserve());
        BatchResult result = pipeline.processor().process(messages, budget, requestContext);
        List<String> failed = result.failedMessageIds();
        log.info(requestContext, "batch done", Map.of("messages", messages.size(), "batchItemFailures", failed.size()));
        json.writeValue(output, batchResponse(failed));
        StartupTrace.mark("event done");
    }

    private ObjectNode batchResponse(List<String> failedMessageIds) {
        ObjectNode response = json.createObjectNode();
        ArrayNode failures = response.putArray("batchItemFailures");
        failedMessageIds.forEach(id -> failures.addObject().put("itemIdentifier", id));
        return response;
    }
}
