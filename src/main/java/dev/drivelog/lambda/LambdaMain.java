package dev.drivelog.lambda;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import dev.drivelog.observability.StartupTrace;
import dev.drivelog.queue.Pipeline;
import dev.drivelog.storage.DeferredTrustManager;

/**
 * The image's Java entry point (docker/bootstrap): the Lambda runtime interface client's own
 * {@link AWSLambda#main}, with the handler's init already under way on other threads.
 *
 * <p>The runtime client's set-up before it constructs the handler (its JNI client, the handler
 * class, its logging) runs on one thread, while Lambda's init has the function's vCPUs. What the
 * handler's init needs from the environment alone starts here instead of in its constructor
 * (docs/BENCHMARKS.md, "Handler init time"): the TLS trust store for any handler, and for
 * {@link SqsBatchHandler} the rest of {@link Pipeline#startEarly} (configuration, analysis, S3
 * client), which its constructor then joins. The runtime client's class is initialised first,
 * because its static initialiser chooses the trust store ({@code javax.net.ssl.trustStore}: the
 * Lambda OS's {@code /etc/pki/java/cacerts} when present) and the TLS policy, which the loading
 * must read. Nothing else differs: the arguments go to the runtime client as they came, and every
 * failure of the early work is reported by the handler's constructor, as an init error.
 */
public final class LambdaMain {
    private LambdaMain() {}

    public static void main(String[] args) throws Throwable {
        StartupTrace.mark("main");
        Class.forName(AWSLambda.class.getName(), true, LambdaMain.class.getClassLoader());
        DeferredTrustManager.jdkDefault().startLoading();
        if (args.length > 0 && handlerClass(args[0]).equals(SqsBatchHandler.class.getName())) {
            Pipeline.startEarly(System.getenv());
        }
        AWSLambda.main(args);
    }

    /** {@code a.b.C::method} or {@code a.b.C} -> {@code a.b.C}, as the runtime client reads its handler argument. */
    static String handlerClass(String handler) {
        int method = handler.indexOf("::");
        return method < 0 ? handler : handler.substring(0, method);
    }
}
