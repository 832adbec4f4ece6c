package dev.drivelog.storage;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * How to reach S3 and SQS. All fields optional: null means the SDK's defaults (region and
 * credentials from the environment, AWS endpoints; {@code AWS_ENDPOINT_URL_S3} is honoured by the
 * SDK itself). The local servers of the demo and the tests need an endpoint, path-style
 * addressing and, for checksums, only what the operation requires.
 *
 * @param endpoint       S3/SQS endpoint override, e.g. {@code http://127.0.0.1:9000}
 * @param region         signing region
 * @param accessKeyId    static credentials (with {@code secretAccessKey}), else the default chain
 * @param pathStyle      bucket in the path instead of the host name
 * @param minimalChecksums compute and validate checksums only where an operation requires them
 * @param httpLayer      wraps the HTTP client of every S3 client (fault injection in tests and the demo);
 *                       the wrapper owns the wrapped client and closes it. SQS clients take their own
 *                       layer ({@link #sqsClient(URI, UnaryOperator)}).
 * @param expectedBucketOwner account id sent as {@code x-amz-expected-bucket-owner} on every S3 request
 *                       ({@link ExpectedBucketOwnerHeader}); null sends none
 */
public record S3Connection(
        URI endpoint, String region, String accessKeyId, String secretAccessKey, boolean pathStyle,
        boolean minimalChecksums, UnaryOperator<SdkHttpClient> httpLayer, String expectedBucketOwner) {

    public S3Connection(URI endpoint, String region, String accessKeyId, String secretAccessKey, boolean pathStyle,
            boolean minimalChecksums) {
        this(endpoint, region, accessKeyId, secretAccessKey, pathStyle, minimalChecksums, null, null);
    }

    /** The same connection whose S3 clients send their requests through {@code layer} (SQS clients do not). */
    public S3Connection withHttpLayer(UnaryOperator<SdkHttpClient> layer) {
        return new S3Connection(endpoint, region, accessKeyId, secretAccessKey, pathStyle, minimalChecksums, layer,
                expectedBucketOwner);
    }

    /**
     * The same connection whose S3 clients name {@code accountId} as the owner of every bucket they
     * call, so that S3 refuses (403) a request to a bucket another account owns; null or empty: none.
     */
    public S3Connection withExpectedBucketOwner(String accountId) {
        return new S3Connection(endpoint, region, accessKeyId, secretAccessKey, pathStyle, minimalChecksums, httpLayer,
                accountId == null || accountId.isEmpty() ? null : accountId);
    }

    /** The SDK's defaults (Lambda, ECS, EC2). */
    public static S3Connection fromEnvironment() {
        return new S3Connection(null, null, null, null, false, false);
    }

    /**
     * As the pipeline's processes read it from {@code environment}: the SDK's defaults, with
     * {@code AWS_ENDPOINT_URL_S3} as the S3 endpoint and path-style addressing when
     * {@code DRIVELOG_S3_PATH_STYLE=true} (S3-compatible servers).
     */
    public static S3Connection fromEnvironment(Map<String, String> environment) {
        boolean pathStyle = Boolean.parseBoolean(environment.getOrDefault("DRIVELOG_S3_PATH_STYLE", "false"));
        return new S3Connection(endpointFromEnvironment(environment, "AWS_ENDPOINT_URL_S3"), null, null, null, pathStyle, false);
    }

    /** The endpoint override an SDK variable such as {@code AWS_ENDPOINT_URL_SQS} names, or null when unset or blank. */
    public static URI endpointFromEnvironment(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? null : URI.create(value);
    }

    /** A local S3- and SQS-compatible server with static test credentials. */
    public static S3Connection local(URI endpoint, String accessKeyId, String secretAccessKey) {
        return new S3Connection(endpoint, "us-east-1", accessKeyId, secretAccessKey, true, true);
    }

    /**
     * A synchronous S3 client whose connection pool holds {@code maxConnections}.
     *
     * <p>Request bodies are sent as they are, not in {@code aws-chunked} encoding: every body we send
     * is a byte array that can be read twice, so the SDK computes the checksum (a header, not a
     * trailer) and, over plain HTTP, the payload hash in a first pass over the array. Chunked encoding
     * copies each 128 KiB chunk into a fresh array, so an upload allocated about its own size again
     * (1.1 bytes per byte sent) and peaked at 267-296 MiB of heap for 40 MiB of parts
     * (docs/BENCHMARKS.md, "Pipeline"; {@code UploadMemoryTest}).
     *
     * <p>TLS trusts what the JDK trusts, through {@link DeferredTrustManager#jdkDefault()}: the
     * client's build does not wait for the trust store, which loads on its own thread or at the
     * first handshake.
     */
    public S3Client s3Client(int maxConnections) {
        Apache5HttpClient.Builder http = Apache5HttpClient.builder()
                .maxConnections(maxConnections)
                .connectionAcquisitionTimeout(Duration.ofMinutes(2))
                .tlsTrustManagersProvider(DeferredTrustManager.jdkDefault()::asArray);
        S3ClientBuilder builder = S3Client.builder().forcePathStyle(pathStyle)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
        if (httpLayer == null) {
            builder.httpClientBuilder(http);
        } else {
            builder.httpClient(httpLayer.apply(http.build()));
        }
        if (expectedBucketOwner != null) {
            builder.overrideConfiguration(o -> o.addExecutionInterceptor(new ExpectedBucketOwnerHeader(expectedBucketOwner)));
        }
        if (minimalChecksums) {
            builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (region != null) {
            builder.region(Region.of(region));
        }
        builder.credentialsProvider(credentials());
        return builder.build();
    }

    /** A synchronous SQS client. */
    public SqsClient sqsClient(URI sqsEndpoint) {
        return sqsClient(sqsEndpoint, null);
    }

    /**
     * A synchronous SQS client whose requests go through {@code layer} (fault injection in tests and
     * the demo; the layer owns the HTTP client it wraps), or straight out when it is null.
     */
    public SqsClient sqsClient(URI sqsEndpoint, UnaryOperator<SdkHttpClient> layer) {
        Apache5HttpClient.Builder http = Apache5HttpClient.builder().maxConnections(16);
        SqsClientBuilder builder = SqsClient.builder();
        if (layer == null) {
            builder.httpClientBuilder(http);
        } else {
            builder.httpClient(layer.apply(http.build()));
        }
        if (sqsEndpoint != null) {
            builder.endpointOverride(sqsEndpoint);
        }
        if (region != null) {
            builder.region(Region.of(region));
        }
        builder.credentialsProvider(credentials());
        return builder.build();
    }

    public AwsCredentialsProvider credentials() {
        if (accessKeyId != null && secretAccessKey != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
