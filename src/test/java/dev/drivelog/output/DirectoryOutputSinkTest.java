package dev.drivelog.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryOutputSinkTest {
    @TempDir
    Path root;

    @Test
    void open_untilClosed_targetDoesNotExist() throws IOException {
        DirectoryOutputSink sink = new DirectoryOutputSink(root, "fleet.csv", "v1");
        OutputStream out = sink.open("summary.json", "application/json");
        out.write("{}".getBytes(StandardCharsets.UTF_8));

        assertFalse(Files.exists(root.resolve("fleet.csv/summary.json")));
        out.close();
        assertEquals("{}", Files.readString(root.resolve("fleet.csv/summary.json")));
        assertEquals(List.of(root.resolve("fleet.csv/summary.json")), files());
    }

    @Test
    void openDatasetPart_writesUnderRootByResultVersionAndPartitionNamedAfterInput() throws IOException {
        DirectoryOutputSink sink = new DirectoryOutputSink(root, "fleet.csv", "v1");
        try (OutputStream out = sink.openDatasetPart("violations", "dt=2026-11-21", "application/x-ndjson")) {
            out.write('x');
        }

        assertEquals("x", Files.readString(root.resolve("violations/result_version=v1/dt=2026-11-21/fleet.csv.jsonl")));
    }

    @Test
    void discardUnfinished_abandonedStream_leavesNoFile() throws IOException {
        DirectoryOutputSink sink = new DirectoryOutputSink(root, "fleet.csv", "v1");
        OutputStream abandoned = sink.open("violations.geojson", "application/geo+json");
        abandoned.write('{');
        try (OutputStream done = sink.open("summary.json", "application/json")) {
            done.write('x');
        }

        sink.discardUnfinished();
        abandoned.close();

        assertEquals(List.of(root.resolve("fleet.csv/summary.json")), files());
    }

    @Test
    void open_nameWithSlash_isRefused() {
        DirectoryOutputSink sink = new DirectoryOutputSink(root, "fleet.csv", "v1");

        assertThrows(IllegalArgumentException.class, () -> sink.open("../escape.json", "application/json"));
        assertThrows(IllegalArgumentException.class, () -> new DirectoryOutputSink(root, "..", "v1"));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
