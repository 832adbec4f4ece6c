package dev.drivelog.storage;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * What TLS costs the JVM the way it is started (bench/tls-throughput.sh): S3 is reached over HTTPS,
 * so every byte of a log downloaded and of a result uploaded is decrypted or encrypted by the JDK's
 * AES-GCM, whose fast paths are intrinsics of the C2 compiler. The local S3 servers of the tests
 * speak plain HTTP, so no other benchmark sees this.
 *
 * <p>{@code server KEYSTORE PORT_FILE}: a TLS server on 127.0.0.1 (JDK defaults: TLS 1.3,
 * AES-GCM) that, per connection, reads a command ("get N" or "put N") and sends or swallows N MiB.
 * {@code client PORT get|put MIB}: one transfer; prints MiB/s and the process's CPU seconds.
 */
public final class TlsThroughputBenchmark {
    private static final char[] PASSWORD = "drivelog-bench".toCharArray();
    private static final int CHUNK = 64 * 1024;

    private TlsThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "server" -> serve(Path.of(args[1]), Path.of(args[2]));
            case "client" -> transfer(Integer.parseInt(args[1]), args[2], Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("server KEYSTORE PORT_FILE | client PORT get|put MIB");
        }
    }

    private static void serve(Path keyStore, Path portFile) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keyStore.toFile())) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        try (SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Files.writeString(portFile, Integer.toString(server.getLocalPort()));
            while (true) {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                    DataInputStream in = new DataInputStream(socket.getInputStream());
                    String command = in.readUTF();
                    long bytes = Long.parseLong(command.substring(4)) << 20;
                    if (command.startsWith("get")) {
                        send(socket.getOutputStream(), bytes);
                    } else {
                        swallow(in, bytes);
                        socket.getOutputStream().write(1);
                    }
                }
            }
        }
    }

    private static void transfer(int port, String direction, int mib) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustingTheBenchServer()}, null);
        long start = System.nanoTime();
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeUTF(direction + " " + mib);
            out.flush();
            if (direction.equals("get")) {
                swallow(new DataInputStream(socket.getInputStream()), (long) mib << 20);
            } else {
                send(out, (long) mib << 20);
                socket.getInputStream().read();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        System.out.printf("tls %s %d MiB: %.2f s, %.0f MiB/s, process cpu_s=%.2f%n", direction, mib, seconds, mib / seconds, cpu);
    }

    private static void send(OutputStream out, long bytes) throws Exception {
        byte[] chunk = new byte[CHUNK];
        new java.util.Random(1).nextBytes(chunk);
        for (long sent = 0; sent < bytes; sent += CHUNK) {
            out.write(chunk, 0, (int) Math.min(CHUNK, bytes - sent));
        }
        out.flush();
    }

    private static void swallow(DataInputStream in, long bytes) throws Exception {
        byte[] chunk = new byte[CHUNK];
        for (long read = 0; read < bytes; ) {
            int n = in.read(chunk, 0, (int) Math.min(CHUNK, bytes - read));
            if (n < 0) throw new java.io.EOFException("after " + read + " of " + bytes + " bytes");
            read += n;
        }
    }

    /** The benchmark's own server on 127.0.0.1, with a key made for the run: nothing to verify. */
    private static final class TrustingTheBenchServer implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
