package dev.drivelog.logs;

import dev.drivelog.config.LogsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything a read gives, as text: each trip's points (every column, doubles as their exact bits)
 * and the report with its problems, or the refusal. Comparing two readers' snapshots of the same logs
 * shows that they read them identically, messages included ({@code ReaderSnapshotTest}). {@code main
 * DIR OUT} writes the snapshot of every log under DIR (how the recorded one was made, with the reader
 * before the byte-level paths).
 */
public final class ReaderSnapshot {
    /** The recorded snapshot's name (beside the logs, and not one of them). */
    static final String FILE_NAME = "reader-snapshot.txt";

    private ReaderSnapshot() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[1]), of(Path.of(args[0])));
    }

    /** The snapshot of every file under {@code directory}, in name order. */
    static String of(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".py")
                    && !f.getFileName().toString().equals(FILE_NAME)).sorted().toList();
        }
        StringBuilder out = new StringBuilder();
        for (Path file : files) {
            out.append("== ").append(directory.relativize(file).toString().replace('\\', '/')).append('\n');
            out.append(read(file));
        }
        return out.toString();
    }

    private static String read(Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        List<Trip> trips = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            ReadReport report = new TripReader(LogsConfig.DEFAULTS).read(file.getFileName().toString(), in, null, trips::add);
            for (Trip trip : trips) {
                out.append("trip ").append(trip.tripId()).append(" vehicle '").append(trip.vehicleId()).append("' ")
                        .append(trip.count()).append(" points\n");
                for (int i = 0; i < trip.count(); i++) {
                    out.append("  ").append(bits(trip.timeSeconds()[i])).append(' ').append(bits(trip.lat()[i])).append(' ')
                            .append(bits(trip.lon()[i])).append(' ').append(bits(trip.speedMps(), i)).append(' ')
                            .append(bits(trip.headingDeg(), i)).append(' ').append(bits(trip.accuracyMeters(), i)).append('\n');
                }
            }
            out.append("report ").append(report.summary()).append('\n');
            report.problems().forEach(problem -> out.append("  problem ").append(problem).append('\n'));
        } catch (UnreadableLogException e) {
            out.append("refused ").append(e.getMessage()).append('\n');
        }
        return out.toString();
    }

    private static String bits(double value) {
        return Long.toHexString(Double.doubleToRawLongBits(value));
    }

    private static String bits(float[] column, int i) {
        return column == null ? "-" : Integer.toHexString(Float.floatToRawIntBits(column[i]));
    }
}
