package dev.drivelog.reconcile;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Reads what a test queue holds: every visible message, hidden for 5 minutes so that none is read twice. */
public final class QueueContents {
    private static final int MAX_MESSAGES = 1000;

    private QueueContents() {}

    /** Polls until two receives in a row come back empty (ElasticMQ answers at once with waitTimeSeconds 0). */
    public static List<Message> receiveAll(SqsClient sqs, String queueUrl) {
        List<Message> all = new ArrayList<>();
        for (int emptyPolls = 0; emptyPolls < 2 && all.size() < MAX_MESSAGES; ) {
            List<Message> got = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .visibilityTimeout(300)).messages();
            emptyPolls = got.isEmpty() ? emptyPolls + 1 : 0;
            all.addAll(got);
        }
        return all;
    }
}
