package dev.drivelog.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.demo.EmbeddedSqs;
import dev.drivelog.storage.LocalS3;
import dev.drivelog.storage.S3Connection;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** The fault injector in front of S3Proxy and ElasticMQ on 127.0.0.1. */
class FaultInjectorTest {
    private static final String BUCKET = "faults";

    @Test
    void wrap_s3RateZero_injectsNothingAndPassesRequestsThrough() throws Exception {
        try (LocalS3 s3 = LocalS3.start(); FaultInjector injector = new FaultInjector(FaultedService.S3, 0, 1);
                S3Client faulty = s3.connection().withHttpLayer(injector::wrap).s3Client(4)) {
            s3.createBucket(BUCKET);
            s3.put(BUCKET, "a", "content".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 20; i++) {
                assertArrayEquals("content".getBytes(StandardCharsets.UTF_8),
                        faulty.getObjectAsBytes(b -> b.bucket(BUCKET).key("a")).asByteArray());
            }
            assertEquals(new FaultCounts(0, 0, 0, 0), injector.counts());
        }
    }

    @Test
    void wrap_s3RateOneWithoutRetries_everyAttemptFailsOrIsDelayedAndAllAreCounted() throws Exception {
        byte[] large = new byte[64 * 1024]; // longer than any cut, so every chosen reset happens
        try (LocalS3 s3 = LocalS3.start(); FaultInjector injector = new FaultInjector(FaultedService.S3, 1, 42);
                S3Client faulty = S3Client.builder()
                        .endpointOverride(s3.connection().endpoint()).forcePathStyle(true)
                        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                        .credentialsProvider(s3.connection().credentials())
                        .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                        .httpClient(injector.wrap(software.amazon.awssdk.http.apache5.Apache5HttpClient.create()))
                        .build()) {
            s3.createBucket(BUCKET);
            s3.put(BUCKET, "large", large);
            int errors = 0;
            int resets = 0;
            int slowButWhole = 0;
            for (int i = 0; i < 60; i++) {
                try (ResponseInputStream<GetObjectResponse> in = faulty.getObject(b -> b.bucket(BUCKET).key("large"))) {
                    assertArrayEquals(large, in.readAllBytes());
                    slowButWhole++;
                } catch (S3Exception e) {
                    assertTrue(e.statusCode() == 503 && "SlowDown".equals(e.awsErrorDetails().errorCode())
                            || e.statusCode() == 500 && "InternalError".equals(e.awsErrorDetails().errorCode()), e.toString());
                    errors++;
                } catch (SocketException e) {
                    assertTrue(e.getMessage().contains("Connection reset"), e.getMessage());
                    resets++;
                }
            }
            assertEveryKindCounted(injector.counts(), 60, errors, resets, slowButWhole);
        }
    }

    @Test
    void wrap_sqsRateOneWithoutRetries_errorsInSqsFormatNeverReachTheQueueAndCutsComeAfterSqsActed() throws Exception {
        try (EmbeddedSqs server = EmbeddedSqs.start(); FaultInjector injector = new FaultInjector(FaultedService.SQS, 1, 42);
                SqsClient clean = S3Connection.local(server.endpoint(), "key", "secret").sqsClient(server.endpoint());
                SqsClient faulty = SqsClient.builder()
                        .endpointOverride(server.endpoint())
                        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                        .credentialsProvider(S3Connection.local(server.endpoint(), "key", "secret").credentials())
                        .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).retryStrategy(b -> b.maxAttempts(1)))
                        .httpClient(injector.wrap(software.amazon.awssdk.http.apache5.Apache5HttpClient.create()))
                        .build()) {
            String queueUrl = clean.createQueue(b -> b.queueName("faults")).queueUrl();
            int errors = 0;
            int resets = 0;
            int slowButAnswered = 0;
            for (int i = 0; i < 60; i++) {
                try {
                    faulty.sendMessage(b -> b.queueUrl(queueUrl).messageBody("a message long enough for an answer longer than any cut"));
                    slowButAnswered++;
                } catch (SqsException e) {
                    assertTrue(e.statusCode() == 503 && "ServiceUnavailable".equals(e.awsErrorDetails().errorCode())
                            || e.statusCode() == 500 && "InternalFailure".equals(e.awsErrorDetails().errorCode()), e.toString());
                    errors++;
                } catch (SdkClientException e) {
                    assertTrue(causedByConnectionReset(e), e.toString());
                    resets++;
                }
            }
            assertEveryKindCounted(injector.counts(), 60, errors, resets, slowButAnswered);
            String queued = clean.getQueueAttributes(b -> b.queueUrl(queueUrl)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                    .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            assertEquals(slowButAnswered + resets, Integer.parseInt(queued),
                    "a cut answer still sent its message (a lost response), an injected error did not");
        }
    }

    /** The injector counted what the client saw, and the seed drew every kind of fault. */
    private static void assertEveryKindCounted(FaultCounts counts, int attempts, int errors, int resets, int slow) {
        assertEquals(attempts, counts.total(), counts.toString());
        assertEquals(errors, counts.unavailable() + counts.internalErrors());
        assertEquals(resets, counts.resets());
        assertEquals(slow, counts.slowResponses());
        assertTrue(counts.unavailable() > 0 && counts.internalErrors() > 0 && counts.resets() > 0 && counts.slowResponses() > 0,
                "the seed draws every kind in " + attempts + " attempts: " + counts);
    }

    private static boolean causedByConnectionReset(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketException && cause.getMessage().contains("Connection reset")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void resettingStream_bodyShorterThanCut_endsNormallyAndCountsNothing() throws IOException {
        int[] resets = {0};
        try (InputStream in = new ResettingInputStream(new java.io.ByteArrayInputStream(new byte[10]), 100, () -> resets[0]++)) {
            assertEquals(10, in.readAllBytes().length);
        }
        assertEquals(0, resets[0]);
        try (InputStream in = new ResettingInputStream(new java.io.ByteArrayInputStream(new byte[1000]), 100, () -> resets[0]++)) {
            assertThrows(SocketException.class, in::readAllBytes);
        }
        assertEquals(1, resets[0]);
    }
}
