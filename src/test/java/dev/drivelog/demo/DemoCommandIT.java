package dev.drivelog.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job through the launcher: {@code bin/drivelog demo --json} with the real engine and tools. */
class DemoCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode runDemo(Path workdir, Path stdout) throws Exception {
        Path repo = Path.of(System.getProperty("drivelog.repo.dir", "."));
        Process demo = new ProcessBuilder(repo.resolve("bin/drivelog").toString(), "demo", "--logs", "2",
                "--workdir", workdir.toString(), "--json")
                .redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!demo.waitFor(10, TimeUnit.MINUTES)) {
            demo.destroyForcibly();
            throw new AssertionError("demo did not finish in 10 minutes");
        }
        assertEquals(0, demo.exitValue(), Files.readString(stdout));
        List<String> lines = Files.readAllLines(stdout);
        return JSON.readTree(lines.getLast());
    }

    @Test
    void demo_twoLogs_analysesBothSkipsDuplicateNotificationAndWritesResults(@TempDir Path dir) throws Exception {
        JsonNode summary = runDemo(dir.resolve("work"), dir.resolve("out.txt"));

        assertEquals(2, summary.get("logs_uploaded").asInt());
        assertEquals(2, summary.get("logs_processed").asInt());
        assertEquals(1, summary.get("duplicates_skipped").asInt());
        assertEquals(0, summary.get("failed").asInt());
        assertEquals(2, summary.get("results_written").asInt(), summary.toString());
        assertTrue(summary.get("result_files").asInt() >= 4, summary.toString());
        try (Stream<Path> files = Files.walk(Path.of(summary.get("results_dir").asText()))) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertEquals(2, names.stream().filter("manifest.json"::equals).count(), names.toString());
            assertEquals(2, names.stream().filter("summary.json"::equals).count(), names.toString());
        }
    }

    @Test
    void demo_runAgainInSameWorkdir_everyLogIsADuplicate(@TempDir Path dir) throws Exception {
        runDemo(dir.resolve("work"), dir.resolve("first.txt"));
        JsonNode again = runDemo(dir.resolve("work"), dir.resolve("second.txt"));

        assertEquals(0, again.get("logs_processed").asInt());
        assertEquals(3, again.get("duplicates_skipped").asInt(), again.toString());
        assertEquals(0, again.get("results_written").asInt());
    }
}
