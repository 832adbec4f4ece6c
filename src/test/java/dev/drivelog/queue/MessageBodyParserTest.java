package dev.drivelog.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.job.Job;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageBodyParserTest {
    private final MessageBodyParser parser = new MessageBodyParser();

    static String fixture(String name) throws IOException {
        try (InputStream in = MessageBodyParserTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void parse_s3Notification_decodesFormEncodedKeysOfEveryRecord() throws IOException {
        ParsedBody body = parser.parse(fixture("s3-notification.json"));
        assertTrue(body.understood());
        List<Job> jobs = body.jobs();
        assertEquals(2, jobs.size());
        assertEquals(new Job("drivelog-test-logs", "logs/fleet a/café drive+1.csv", null,
                "b8f4a5c1e5d3f0a7a1c2d3e4f5a6b7c8", 57), jobs.get(0));
        assertEquals("logs/2026-11-21/truck-7.csv", jobs.get(1).key());
    }

    @Test
    void parse_s3TestEvent_noJobsNoProblem() throws IOException {
        ParsedBody body = parser.parse(fixture("s3-test-event.json"));
        assertTrue(body.understood());
        assertTrue(body.jobs().isEmpty());
        assertEquals(1, body.notes().size());
    }

    @Test
    void parse_eventBridgeObjectCreated_keyTakenVerbatim() throws IOException {
        ParsedBody body = parser.parse(fixture("eventbridge-object-created.json"));
        assertEquals(List.of(new Job("drivelog-test-logs", "logs/2026-11-21/van 3 (köln):morning.csv", null,
                "d41d8cd98f00b204e9800998ecf8427e", 44)), body.jobs());
    }

    @Test
    void parse_directJob_oneJob() throws IOException {
        ParsedBody body = parser.parse(fixture("direct-job.json"));
        assertEquals(List.of(Job.of("drivelog-test-logs", "logs/direct/bus-12.csv")), body.jobs());
    }

    @Test
    void parse_directJobArray_severalJobs() {
        ParsedBody body = parser.parse("[{\"bucket\":\"b\",\"key\":\"a.csv\"},{\"bucket\":\"b\",\"key\":\"c.csv\",\"versionId\":\"v7\"}]");
        assertEquals(List.of(Job.of("b", "a.csv"), new Job("b", "c.csv", "v7", null, -1)), body.jobs());
    }

    @Test
    void parse_snsWrappedNotification_unwrapsIt() throws IOException {
        ParsedBody body = parser.parse(fixture("sns-wrapped-s3-notification.json"));
        assertEquals(List.of("logs/sns/car 5.csv"), body.jobs().stream().map(Job::key).toList());
    }

    @Test
    void parse_objectRemovedRecord_skippedWithNote() throws IOException {
        ParsedBody body = parser.parse(fixture("s3-object-removed.json"));
        assertTrue(body.understood());
        assertTrue(body.jobs().isEmpty());
        assertTrue(body.notes().getFirst().contains("ObjectRemoved:Delete"), body.notes().toString());
    }

    @Test
    void parse_notJson_problemQuotesBody() {
        ParsedBody body = parser.parse("<CreateInvoice><id>17</id></CreateInvoice>");
        assertFalse(body.understood());
        assertTrue(body.problem().contains("not JSON") && body.problem().contains("CreateInvoice"), body.problem());
    }

    @Test
    void parse_unknownJsonObject_problemSaysWhatWasExpected() {
        ParsedBody body = parser.parse("{\"orderId\": 17}");
        assertFalse(body.understood());
        assertTrue(body.problem().contains("{bucket, key}"), body.problem());
    }

    @Test
    void parse_directJobWithoutKey_problemNamesField() {
        ParsedBody body = parser.parse("{\"bucket\": \"b\"}");
        assertEquals("missing or empty job.key", body.problem());
    }

    @Test
    void parse_recordWithBadPercentEncoding_problemNamesField() {
        ParsedBody body = parser.parse("{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"a%ZZ.csv\"}}}]}");
        assertFalse(body.understood());
        assertTrue(body.problem().contains("Records[0].s3.object.key"), body.problem());
    }

    @Test
    void parse_emptyBody_problem() {
        assertFalse(parser.parse("  ").understood());
        assertNull(parser.parse("{\"bucket\":\"b\",\"key\":\"k\"}").problem());
    }
}
