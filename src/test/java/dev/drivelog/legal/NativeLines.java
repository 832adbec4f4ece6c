package dev.drivelog.legal;

import dev.drivelog.analysis.NativeLocation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs {@code drivelog-map legal ...}: lines in on stdin, one answer line each out on stdout. */
final class NativeLines {
    private NativeLines() {}

    static List<String> run(List<String> args, List<String> input) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(NativeLocation.tool("drivelog-map").toString());
        command.add("legal");
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        // Written from another thread: the tool answers while it reads, and both pipes are bounded.
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (BufferedWriter out = new BufferedWriter(
                    new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8))) {
                for (String line : input) {
                    out.write(line);
                    out.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<String> lines;
        try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
            lines = reader.lines().toList();
        }
        writer.join();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("drivelog-map legal " + args + " exited with " + exit);
        }
        return lines;
    }
}
