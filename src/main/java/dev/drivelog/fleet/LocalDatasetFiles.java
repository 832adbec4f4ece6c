package dev.drivelog.fleet;

import dev.drivelog.job.OutputSink;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The datasets under a local output directory. */
record LocalDatasetFiles(Path root) implements DatasetFiles {
    @Override
    public List<String> list(String dataset) throws IOException {
        Path base = root.resolve(dataset);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(base)) {
            // Hidden names are the sink's unfinished '.<name>.partial' files.
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(OutputSink.DATASET_PART_SUFFIX))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .map(f -> root.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        return Files.newInputStream(root.resolve(path));
    }

    @Override
    public String describe() {
        return root.toString();
    }
}
