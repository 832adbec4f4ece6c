package dev.drivelog.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Where the shared datasets of a results location are read from: a local output directory
 * ({@code drivelog analyze --out}) or an S3 output prefix (the pipeline's). Paths are relative to that
 * root, e.g. {@code violations/result_version=v1/dt=2026-11-21/fleet.csv.jsonl}.
 */
interface DatasetFiles {
    /** Every {@code .jsonl} part under {@code <dataset>/}, sorted. */
    List<String> list(String dataset) throws IOException;

    InputStream open(String path) throws IOException;

    /** The root as the user gave it, for messages. */
    String describe();
}
