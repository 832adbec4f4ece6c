package dev.drivelog.analysis;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the native build lives: a directory with {@code lib/libdrivelog.so} and {@code bin/} tools.
 * First match wins: system property {@code drivelog.native.dir}, environment variable
 * {@code DRIVELOG_NATIVE_DIR}, then {@code native/} beside the drivelog jar (the layout of
 * {@code target/} after a Maven build and of the container image).
 */
public final class NativeLocation {
    private NativeLocation() {}

    public static Path find() {
        String property = System.getProperty("drivelog.native.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("DRIVELOG_NATIVE_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return besideJar().resolve("native");
    }

    /** A native tool's executable, e.g. {@code drivelog-map}. */
    public static Path tool(String name) {
        Path path = find().resolve("bin").resolve(name);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("native tool not found at " + path
                    + ": build it with ./mvnw package, or set DRIVELOG_NATIVE_DIR");
        }
        return path;
    }

    private static Path besideJar() {
        try {
            // target/classes and target/drivelog.jar both sit beside target/native.
            Path code = Path.of(NativeLocation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent();
        } catch (URISyntaxException | SecurityException e) {
            return Path.of(".");
        }
    }
}
