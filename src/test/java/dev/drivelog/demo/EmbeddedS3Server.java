package dev.drivelog.demo;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The embedded S3 server as a process of its own, for benchmarks that must not count its CPU in the
 * client's JVM (bench/handler-e2e.sh). Prints its endpoint as one line on stdout, then serves until
 * its stdin ends. Blobs in memory, or in the directory given as the argument (to compare results).
 */
public final class EmbeddedS3Server {
    private EmbeddedS3Server() {}

    public static void main(String[] args) throws Exception {
        try (EmbeddedS3 s3 = EmbeddedS3.start(args.length > 0 ? Path.of(args[0]) : null)) {
            System.out.println(s3.endpoint());
            System.out.flush();
            drain();
        }
    }

    /** Returns when stdin is closed (the script that started this server ended or closed it). */
    private static void drain() throws IOException {
        byte[] buffer = new byte[256];
        while (System.in.read(buffer) >= 0) {
            // Nothing to read: the pipe is only held open.
        }
    }
}
