package dev.drivelog.output;

import dev.drivelog.job.OutputSink;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link OutputSink} on the local file system: the files of one input in {@code <root>/<input>/},
 * the dataset parts shared by all inputs at {@link OutputSink#datasetPartPath} under the root, named
 * after the input (the layout of docs/OUTPUTS.md, the same as in S3). Each file is written beside its target under a temporary name and
 * renamed when closed, so a reader never sees a half-written file; {@link #discardUnfinished} removes
 * what a failed run left open.
 */
public final class DirectoryOutputSink implements OutputSink {
    private final Path root;
    private final String inputName;
    private final String resultVersion;
    private final Set<Path> unfinished = ConcurrentHashMap.newKeySet();

    /**
     * @param root      the output root (created as needed)
     * @param inputName the input's file name, used as its directory and dataset file name
     * @param resultVersion the analysis's result version ({@code dev.drivelog.job.ResultIdentity}), a partition of the datasets
     */
    public DirectoryOutputSink(Path root, String inputName, String resultVersion) {
        this.root = root;
        this.inputName = plainName(inputName, "input name");
        this.resultVersion = resultVersion;
    }

    /** The directory with this input's own files. */
    public Path inputDirectory() {
        return root.resolve(inputName);
    }

    @Override
    public OutputStream open(String fileName, String contentType) throws IOException {
        return openFile(inputDirectory().resolve(plainName(fileName, "file name")));
    }

    @Override
    public OutputStream openDatasetPart(String dataset, String partition, String contentType) throws IOException {
        return openFile(root.resolve(OutputSink.datasetPartPath(dataset, resultVersion, partition, inputName)));
    }

    /** Deletes the temporary files of streams that were opened but never closed. */
    public void discardUnfinished() throws IOException {
        for (Path temporary : unfinished) {
            Files.deleteIfExists(temporary);
            unfinished.remove(temporary);
        }
    }

    private OutputStream openFile(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling("." + target.getFileName() + ".partial");
        OutputStream out = Files.newOutputStream(temporary);
        unfinished.add(temporary);
        return new FilterOutputStream(out) {
            private boolean closed;

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                super.close();
                // A stream discarded by discardUnfinished() stays discarded.
                if (unfinished.remove(temporary)) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        };
    }

    private static String plainName(String name, String what) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException(what + " must be a plain name, not '" + name + "'");
        }
        return name;
    }
}
