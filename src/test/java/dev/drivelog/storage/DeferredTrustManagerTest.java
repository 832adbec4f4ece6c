package dev.drivelog.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;

class DeferredTrustManagerTest {

    private static X509ExtendedTrustManager jdkTrust() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return (X509ExtendedTrustManager) factory.getTrustManagers()[0];
    }

    private static Set<String> subjects(X509Certificate[] certificates) {
        return Arrays.stream(certificates).map(c -> c.getSubjectX500Principal().getName()).collect(Collectors.toSet());
    }

    @Test
    void sslContextInit_doesNotLoadTheTrustStore_theFirstUseLoadsItOnce() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        X509ExtendedTrustManager jdk = jdkTrust();
        DeferredTrustManager deferred = new DeferredTrustManager(() -> {
            loads.incrementAndGet();
            return jdk;
        });

        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, deferred.asArray(), null);  // what the HTTP client's build does
        context.createSSLEngine();
        assertEquals(0, loads.get(), "building a TLS context must not load the trust store");

        assertSame(jdk, deferred.loaded());
        deferred.getAcceptedIssuers();
        assertEquals(1, loads.get());
    }

    @Test
    void startLoading_loadsOnAThreadOfItsOwn_andLoadedWaitsForIt() throws Exception {
        CopyOnWriteArrayList<String> threads = new CopyOnWriteArrayList<>();
        X509ExtendedTrustManager jdk = jdkTrust();
        DeferredTrustManager deferred = new DeferredTrustManager(() -> {
            threads.add(Thread.currentThread().getName());
            Thread.sleep(50);
            return jdk;
        });

        deferred.startLoading();
        deferred.startLoading();
        assertSame(jdk, deferred.loaded());
        assertEquals(java.util.List.of("init-tls"), threads);
    }

    @Test
    void jdkDefault_trustsExactlyWhatTheJdkTrusts() throws Exception {
        Set<String> jdk = subjects(jdkTrust().getAcceptedIssuers());
        assertTrue(jdk.size() > 50, "the JDK's trust store should hold the public CAs, found " + jdk.size());
        assertEquals(jdk, subjects(DeferredTrustManager.jdkDefault().getAcceptedIssuers()));
    }

    @Test
    void unreadableTrustStore_failsEveryUseWithItsCause_checksAsCertificateException() {
        DeferredTrustManager deferred = new DeferredTrustManager(() -> {
            throw new java.io.IOException("keystore password was incorrect");
        });

        IllegalStateException failure = assertThrows(IllegalStateException.class, deferred::loaded);
        assertTrue(failure.getMessage().startsWith("cannot load the TLS trust store"), failure.getMessage());
        assertTrue(failure.getMessage().contains("keystore password was incorrect"), failure.getMessage());
        assertThrows(IllegalStateException.class, deferred::loaded);  // not forgotten after the first report
        CertificateException check = assertThrows(CertificateException.class,
                () -> deferred.checkServerTrusted(new X509Certificate[0], "RSA"));
        assertTrue(check.getMessage().contains("keystore password was incorrect"), check.getMessage());
    }
}
