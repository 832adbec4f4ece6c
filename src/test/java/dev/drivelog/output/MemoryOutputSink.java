package dev.drivelog.output;

import dev.drivelog.job.OutputSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** A sink that keeps closed files in memory, keyed by name (dataset parts as {@code dataset/partition}). */
final class MemoryOutputSink implements OutputSink {
    final Map<String, String> closedFiles = new TreeMap<>();
    final Map<String, String> contentTypes = new TreeMap<>();

    @Override
    public OutputStream open(String fileName, String contentType) {
        return stream(fileName, contentType);
    }

    @Override
    public OutputStream openDatasetPart(String dataset, String partition, String contentType) {
        return stream(dataset + "/" + partition, contentType);
    }

    String file(String name) {
        String text = closedFiles.get(name);
        if (text == null) {
            throw new AssertionError("no closed file " + name + "; closed: " + closedFiles.keySet());
        }
        return text;
    }

    private OutputStream stream(String name, String contentType) {
        contentTypes.put(name, contentType);
        return new ByteArrayOutputStream() {
            @Override
            public void close() throws IOException {
                closedFiles.put(name, toString(StandardCharsets.UTF_8));
            }
        };
    }
}
