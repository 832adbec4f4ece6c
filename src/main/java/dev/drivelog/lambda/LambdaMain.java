package dev.drivelog.lambda;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import dev.drivelog.observability.StartupTrace;
import dev.drivelog.storage.DeferredTrustManager;

/**
 * The image's Java entry point (docker/bootstrap): the Lambda runtime interface client's own
 * {@link AWSLambda#main}, with the TLS trust store already loading on a second thread.
 *
 * <p>The trust store needs no configuration, and the runtime client's set-up before it constructs
 * the handler (its JNI client, the handler class, the logging) runs on one thread while Lambda's
 * init has the function's vCPUs: the loading starts there instead of in the handler's constructor
 * (docs/BENCHMARKS.md, "Handler init time"). The runtime client's class is initialised first,
 * because its static initialiser chooses the trust store ({@code javax.net.ssl.trustStore}, the
 * Lambda OS's {@code /etc/pki/java/cacerts} when present) and the TLS policy; the loading reads
 * what it chose. Nothing else differs: the arguments (the handler name) go to the runtime client as
 * they came, and the handler's init joins the loading before it ends ({@code Pipeline}).
 */
public final class LambdaMain {
    private LambdaMain() {}

    public static void main(String[] args) throws Throwable {
        StartupTrace.mark("main");  // the JVM's own start before it, the RIC's set-up after it (BENCHMARKS.md)
        Class.forName(AWSLambda.class.getName(), true, LambdaMain.class.getClassLoader());
        DeferredTrustManager.jdkDefault().startLoading();
        AWSLambda.main(args);
    }
}
