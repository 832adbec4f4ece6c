package dev.drivelog.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.reconcile.S3Uri;
import dev.drivelog.score.Finding;
import dev.drivelog.score.TripRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads the violations and trips datasets of a results location (docs/OUTPUTS.md) for one result
 * version: rows of two versions are never mixed, as in Athena. A line that cannot be read is
 * skipped and named by file and line; the rest is used.
 */
public final class FleetDataReader {
    static final String VIOLATIONS = "violations";
    static final String TRIPS = "trip_summaries";
    static final int MAX_DESCRIBED_PROBLEMS = 20;
    private static final Pattern PART = Pattern.compile("[^/]+/result_version=([^/]+)/dt=[^/]+/[^/]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DatasetFiles files;
    private final List<String> problems = new ArrayList<>();
    private int skippedLines;

    private FleetDataReader(DatasetFiles files) {
        this.files = files;
    }

    /** A local output directory ({@code drivelog analyze --out}). */
    public static FleetData read(Path root, String resultVersion) throws IOException {
        return new FleetDataReader(new LocalDatasetFiles(root)).read(resultVersion);
    }

    /** An S3 output prefix; {@code s3} stays open (the caller's). */
    public static FleetData read(S3Client s3, S3Uri root, String resultVersion) throws IOException {
        return new FleetDataReader(new S3DatasetFiles(s3, root)).read(resultVersion);
    }

    /**
     * @param resultVersion the version to read; null reads the only one there is
     * @throws IllegalArgumentException when there is no dataset, the version is not there, or several
     *                                  are and none was chosen
     */
    private FleetData read(String resultVersion) throws IOException {
        List<String> violationParts = files.list(VIOLATIONS);
        List<String> tripParts = files.list(TRIPS);
        Set<String> versions = new TreeSet<>();
        for (String part : violationParts) {
            addVersion(versions, part);
        }
        for (String part : tripParts) {
            addVersion(versions, part);
        }
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no results under " + files.describe() + ": expected " + TRIPS
                    + "/result_version=<v>/dt=<day>/*.jsonl (written by drivelog analyze and the pipeline since the trips dataset exists)");
        }
        String version = resultVersion;
        if (version == null) {
            if (versions.size() > 1) {
                throw new IllegalArgumentException(files.describe() + " holds results of " + versions.size() + " result versions "
                        + versions + ": choose one with --result-version (two versions of an input must not be counted together)");
            }
            version = versions.iterator().next();
        } else if (!versions.contains(version)) {
            throw new IllegalArgumentException("result version '" + version + "' not found under " + files.describe()
                    + "; present: " + versions);
        }
        List<TripRecord> trips = new ArrayList<>();
        for (String part : tripParts) {
            if (version.equals(version(part))) {
                readLines(part, row -> trips.add(trip(row)));
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (String part : violationParts) {
            if (version.equals(version(part))) {
                readLines(part, row -> findings.add(finding(row)));
            }
        }
        return new FleetData(files.describe(), version, trips, findings, problems, skippedLines);
    }

    /** Parts outside the layout (another tool's files under the dataset) name no version and are not read. */
    private static void addVersion(Set<String> versions, String part) {
        String version = version(part);
        if (version != null) {
            versions.add(version);
        }
    }

    private static String version(String part) {
        Matcher m = PART.matcher(part);
        return m.matches() ? m.group(1) : null;
    }

    private interface RowConsumer {
        void accept(JsonNode row);
    }

    private void readLines(String part, RowConsumer consumer) throws IOException {
        try (InputStream in = files.open(part);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode row = JSON.readTree(line);
                    if (row == null || !row.isObject()) {
                        throw new IllegalArgumentException("not a JSON object");
                    }
                    consumer.accept(row);
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    skippedLines++;
                    if (problems.size() < MAX_DESCRIBED_PROBLEMS) {
                        String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                        problems.add(part + " line " + number + ": skipped, " + why);
                    }
                }
            }
        }
    }

    private static TripRecord trip(JsonNode row) {
        return new TripRecord(text(row, "input"), text(row, "vehicle_id"), required(row, "trip_id").asText(),
                number(row, "start_time"), number(row, "distance_m"), optionalNumber(row, "duration_s"));
    }

    private static Finding finding(JsonNode row) {
        return new Finding(text(row, "input"), text(row, "vehicle_id"), text(row, "trip_id"), required(row, "type").asText(),
                text(row, "category"), text(row, "severity"), number(row, "start_time"), optionalNumber(row, "lat"),
                optionalNumber(row, "lon"), text(row, "road_name"), place(row));
    }

    /** A junction (the stop sign's node, a turn's via node) before the road, the road before a grid cell. */
    private static String place(JsonNode row) {
        for (String node : List.of("stop_osm_node_id", "via_osm_node_id")) {
            JsonNode id = row.get(node);
            if (id != null && id.isIntegralNumber()) {
                return "node/" + id.asLong();
            }
        }
        JsonNode way = row.get("osm_way_id");
        return way != null && way.isIntegralNumber() ? "way/" + way.asLong() : null;
    }

    private static JsonNode required(JsonNode row, String field) {
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static double number(JsonNode row, String field) {
        JsonNode value = required(row, field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + " is not a number: " + value);
        }
        return value.asDouble();
    }

    private static double optionalNumber(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value != null && value.isNumber() ? value.asDouble() : Double.NaN;
    }
}
