package dev.drivelog.storage;

import dev.drivelog.observability.StartupTrace;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's own TLS trust (its default {@link TrustManagerFactory} over the trust store the JDK
 * would read itself: {@code javax.net.ssl.trustStore} or the runtime's {@code cacerts}), loaded
 * once, on whichever thread needs it first or starts it with {@link #startLoading}. Every check is
 * the JDK's, delegated unchanged.
 *
 * <p>Why: an HTTP client's build ({@code SSLContext.init} without trust managers) loads the trust
 * store there and then, about 150 certificates parsed in a cold JVM, on the critical path of a
 * container's init, and nothing else in the build needs it. Given this manager instead, the S3
 * client builds beside the loading; the pipeline still joins the loading before init ends, so no
 * certificate is parsed in the first event and a trust store that cannot be read still fails init
 * (docs/BENCHMARKS.md, "Handler init time").
 */
public final class DeferredTrustManager extends X509ExtendedTrustManager {
    private static final DeferredTrustManager JDK_DEFAULT = new DeferredTrustManager(DeferredTrustManager::loadJdkDefault);

    private final FutureTask<X509ExtendedTrustManager> load;
    private final AtomicBoolean started = new AtomicBoolean();

    DeferredTrustManager(Callable<X509ExtendedTrustManager> loader) {
        this.load = new FutureTask<>(loader);
    }

    /** The JDK's default trust, shared by every client of this process. */
    public static DeferredTrustManager jdkDefault() {
        return JDK_DEFAULT;
    }

    /** For an SDK HTTP client builder's {@code tlsTrustManagersProvider}. */
    public TrustManager[] asArray() {
        return new TrustManager[] {this};
    }

    /** Starts loading on a daemon thread of its own, unless loading already started; returns at once. */
    public void startLoading() {
        if (started.compareAndSet(false, true)) {
            Thread.ofPlatform().name("init-tls").daemon().start(load);
        }
    }

    /**
     * The loaded trust: loads it on this thread when nothing started loading, else waits for the
     * loading. A trust store that cannot be read is an {@link IllegalStateException} naming it,
     * every time it is asked for.
     */
    public X509ExtendedTrustManager loaded() {
        if (started.compareAndSet(false, true)) {
            load.run();
        }
        try {
            return load.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the TLS trust store", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot load the TLS trust store (javax.net.ssl.trustStore="
                    + System.getProperty("javax.net.ssl.trustStore", "the JDK's cacerts") + "): "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    private static X509ExtendedTrustManager loadJdkDefault() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                StartupTrace.mark("tls trust loaded");
                return x509;
            }
        }
        throw new IllegalStateException("the JDK's " + factory.getAlgorithm() + " trust manager factory has no X.509 trust manager");
    }

    private X509ExtendedTrustManager forCheck() throws CertificateException {
        try {
            return loaded();
        } catch (IllegalStateException e) {
            throw new CertificateException(e.getMessage(), e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        forCheck().checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        forCheck().checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        forCheck().checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        forCheck().checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        forCheck().checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        forCheck().checkServerTrusted(chain, authType, engine);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return loaded().getAcceptedIssuers();
    }
}
