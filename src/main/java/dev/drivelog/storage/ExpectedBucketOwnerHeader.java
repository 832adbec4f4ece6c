package dev.drivelog.storage;

import java.util.regex.Pattern;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Adds {@code x-amz-expected-bucket-owner: <account id>} to every request of an S3 client: S3 then
 * answers 403 AccessDenied instead of serving or accepting data when the bucket belongs to another
 * account (a bucket name reused after deletion, a notification or job naming a foreign bucket).
 *
 * <p>Why an interceptor rather than {@code .expectedBucketOwner(...)} on each request builder: the
 * pipeline builds eight kinds of request (HEAD, GET, PUT, four multipart calls, listings) in ten
 * places, each with its own builder type (reads and writes in {@link S3ObjectStore}, listings in the
 * reconciler through {@link S3ObjectStore#client()}), and a request added later would silently go without the check. Here it is
 * applied once, to the client, before signing (the header is signed like the rest). A request that
 * already names an owner keeps its own.
 */
public final class ExpectedBucketOwnerHeader implements ExecutionInterceptor {
    public static final String HEADER = "x-amz-expected-bucket-owner";
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    private final String accountId;

    /** @param accountId the 12-digit AWS account id that owns every bucket the client calls */
    public ExpectedBucketOwnerHeader(String accountId) {
        if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("expected bucket owner must be a 12-digit AWS account id, got '" + accountId + "'");
        }
        this.accountId = accountId;
    }

    /** True for a 12-digit AWS account id. */
    public static boolean isAccountId(String text) {
        return text != null && ACCOUNT_ID.matcher(text).matches();
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes executionAttributes) {
        SdkHttpRequest request = context.httpRequest();
        if (request.firstMatchingHeader(HEADER).isPresent()) {
            return request;
        }
        return request.toBuilder().putHeader(HEADER, accountId).build();
    }
}
