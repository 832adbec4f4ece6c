package dev.drivelog.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/** A Lambda context for calling the handler in-process; {@code remainingMillis} answers getRemainingTimeInMillis. */
record TestContext(String requestId, IntSupplier remainingMillis) implements Context {
    /** A deadline fixed at construction. */
    static TestContext withRemainingMillis(String requestId, long remainingMillis) {
        long deadlineMillis = System.currentTimeMillis() + remainingMillis;
        return new TestContext(requestId, () -> (int) Math.max(0, deadlineMillis - System.currentTimeMillis()));
    }

    /**
     * Answers {@code plentyMillis} to the first {@code answers} questions and 0 after: time that runs
     * out after a known amount of work, without depending on how fast the machine is.
     */
    static TestContext runningOutAfter(String requestId, int answers, int plentyMillis) {
        AtomicInteger asked = new AtomicInteger();
        return new TestContext(requestId, () -> asked.getAndIncrement() < answers ? plentyMillis : 0);
    }

    @Override public String getAwsRequestId() { return requestId; }
    @Override public String getLogGroupName() { return "/aws/lambda/drivelog-test"; }
    @Override public String getLogStreamName() { return "2026/11/21/[$LATEST]test"; }
    @Override public String getFunctionName() { return "drivelog-test"; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-central-1:111122223333:function:drivelog-test"; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return remainingMillis.getAsInt(); }
    @Override public int getMemoryLimitInMB() { return 2048; }
    @Override public LambdaLogger getLogger() { return null; }
}
