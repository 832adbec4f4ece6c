package dev.drivelog.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drivelog.job.Job;

/** The direct job message body the pipeline accepts: {@code {"bucket","key","versionId"?}}. */
final class JobBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JobBodies() {}

    static String of(Job job) {
        ObjectNode body = JSON.createObjectNode().put("bucket", job.bucket()).put("key", job.key());
        if (job.versionId() != null) {
            body.put("versionId", job.versionId());
        }
        return body.toString();
    }
}
