package dev.drivelog.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Output trees of the launcher's tests: read whole (to compare runs) and deleted between runs. */
final class FileTrees {
    private FileTrees() {}

    /** Every regular file under {@code root} by its relative path, with its text; empty when there is no root. */
    static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(root.relativize(file).toString(), Files.readString(file));
                }
            }
        }
        return files;
    }

    static void delete(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path path : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
