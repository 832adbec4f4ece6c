package dev.drivelog.cli;

import dev.drivelog.analysis.NativeLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one of the native tools (build/bin/drivelog-*) with the terminal passed through, for the
 * commands whose work is all native (map building, synthesis). The tool's exit code is ours.
 */
final class NativeTool {
    private NativeTool() {}

    static int run(String tool, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(NativeLocation.tool(tool).toString());
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            return process.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + tool + " ran", e);
        }
    }
}
