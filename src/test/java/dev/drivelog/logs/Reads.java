package dev.drivelog.logs;

import dev.drivelog.config.LogsConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test support: reads a fixture or a text through {@link TripReader} and keeps the trips. */
record Reads(List<Trip> trips, ReadReport report) {

    static Reads fixture(String resource) throws IOException, UnreadableLogException {
        return fixture(resource, LogsConfig.DEFAULTS);
    }

    static Reads fixture(String resource, LogsConfig config) throws IOException, UnreadableLogException {
        return read(fileName(resource), open(resource), config, null);
    }

    static Reads text(String name, String text, LogsConfig config) throws IOException, UnreadableLogException {
        return read(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), config, null);
    }

    static Reads read(String name, InputStream in, LogsConfig config, LogFormat format)
            throws IOException, UnreadableLogException {
        List<Trip> trips = new ArrayList<>();
        ReadReport report;
        try (in) {
            report = new TripReader(config).read(name, in, format, trips::add);
        }
        return new Reads(List.copyOf(trips), report);
    }

    static InputStream open(String resource) {
        InputStream in = Reads.class.getResourceAsStream("/logs/" + resource);
        if (in == null) {
            throw new UncheckedIOException(new IOException("no fixture " + resource));
        }
        return in;
    }

    static byte[] bytes(String resource) throws IOException {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        }
    }

    private static String fileName(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /** The trip's point times as ISO instants, for readable assertions. */
    static List<String> times(Trip trip) {
        List<String> times = new ArrayList<>();
        for (int i = 0; i < trip.count(); i++) {
            times.add(Instant.ofEpochMilli(Math.round(trip.timeSeconds()[i] * 1000)).toString());
        }
        return times;
    }

    /** A copy of {@code base} with other values for some keys, through the real section reader. */
    static LogsConfig config(String yamlLogsSection) {
        return dev.drivelog.config.ConfigLoader.fromYaml("logs:\n" + yamlLogsSection.indent(2), "test",
                java.util.Map.of()).logs();
    }
}
