package dev.drivelog.cli;

import dev.drivelog.output.TripOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes each analysed trip's result JSON, exactly as the engine returned it, to
 * {@code <out>/trips/<input stem>.json} for an input's first trip and {@code <input stem>.<n>.json}
 * for its n-th: the layout {@code drivelog evaluate --results} reads (the simulator writes one trip
 * per file, {@code sim-000001.csv} beside {@code sim-000001.truth.json}).
 */
final class TripResultDirectory {
    private final Path directory;
    private final String stem;
    private int trips;

    TripResultDirectory(Path out, String inputName) throws IOException {
        this.directory = out.resolve("trips");
        this.stem = stem(inputName);
        Files.createDirectories(directory);
    }

    void write(TripOutcome outcome) {
        trips++;
        if (outcome.failed()) {
            return;
        }
        Path file = directory.resolve(trips == 1 ? stem + ".json" : stem + "." + trips + ".json");
        try {
            Files.write(file, outcome.resultJson());
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    /** The input's name without compression and format suffixes: {@code fleet.csv.gz} gives {@code fleet}. */
    static String stem(String inputName) {
        String stem = inputName;
        for (String suffix : new String[] {".gz", ".gzip", ".zst", ".csv", ".tsv", ".txt", ".jsonl", ".ndjson",
                ".json", ".nmea", ".nma", ".log", ".gpx"}) {
            if (stem.toLowerCase(Locale.ROOT).endsWith(suffix) && stem.length() > suffix.length()) {
                stem = stem.substring(0, stem.length() - suffix.length());
            }
        }
        return stem;
    }
}
