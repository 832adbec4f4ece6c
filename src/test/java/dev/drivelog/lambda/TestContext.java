package dev.drivelog.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** A Lambda context for calling the handler in-process; the deadline is fixed at construction. */
record TestContext(String requestId, long deadlineMillis) implements Context {
    static TestContext withRemainingMillis(String requestId, long remainingMillis) {
        return new TestContext(requestId, System.currentTimeMillis() + remainingMillis);
    }

    @Override public String getAwsRequestId() { return requestId; }
    @Override public String getLogGroupName() { return "/aws/lambda/drivelog-test"; }
    @Override public String getLogStreamName() { return "2026/11/21/[$LATEST]test"; }
    @Override public String getFunctionName() { return "drivelog-test"; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-central-1:111122223333:function:drivelog-test"; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return (int) Math.max(0, deadlineMillis - System.currentTimeMillis()); }
    @Override public int getMemoryLimitInMB() { return 2048; }
    @Override public LambdaLogger getLogger() { return null; }
}
