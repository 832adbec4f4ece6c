package dev.drivelog.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.analysis.GridDrives;
import dev.drivelog.job.DrivelogAnalysisProvider;
import dev.drivelog.job.JobOutcome;
import dev.drivelog.job.PipelineSettings;
import dev.drivelog.job.TimeBudget;
import dev.drivelog.observability.JsonLog;
import dev.drivelog.observability.LogContext;
import dev.drivelog.queue.BatchResult;
import dev.drivelog.queue.Pipeline;
import dev.drivelog.queue.QueueMessage;
import dev.drivelog.storage.LocalS3;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The violations dataset as the deployed stack's Athena table sees it: logs go through the real
 * pipeline (S3Proxy on 127.0.0.1, the native engine on the grid map), and the rows are read back by
 * resolving template.yaml's table the way CloudFormation and Athena do (the {@code !Sub} of the
 * location template, then partition projection: the injected result version, the projected days),
 * listing each projected prefix and parsing every line against the table's columns.
 */
class AthenaDatasetTest {
    private static final Path TEMPLATE = Path.of(System.getProperty("drivelog.repo.dir", "."), "template.yaml");
    private static final String LOGS = "fleet-logs";
    private static final String RESULTS = "fleet-results";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonLog QUIET = new JsonLog(new PrintStream(OutputStream.nullOutputStream()), JsonLog.Level.ERROR);

    private LocalS3 s3;
    private SamTemplate template;
    private Map<String, Object> table;

    /** One row as Athena would return it, with the partition it was found in. */
    private record Row(String resultVersion, String day, String key, JsonNode values) {}

    @BeforeEach
    void start() throws Exception {
        s3 = LocalS3.start();
        s3.createBucket(LOGS);
        s3.createBucket(RESULTS);
        template = SamTemplate.load(TEMPLATE);
        table = SamTemplate.map(template.properties("ViolationsTable").get("TableInput"));
        // Day one: the five grid drives (speeding, wrong way, rolled stop, two clean). Two days: speeding on the next day too.
        s3.put(LOGS, "incoming/day-one.csv", GridDrives.csv(GridDrives.trips()));
        s3.put(LOGS, "incoming/two-days.csv", GridDrives.csv(List.of(GridDrives.trips().getFirst(),
                GridDrives.drive("speeding-next-day", GridDrives.START + 86_400, 17.0,
                        new double[][] {{GridDrives.ROW_0, GridDrives.COL_0}, {GridDrives.ROW_0, GridDrives.COL_2}}))));
    }

    @AfterEach
    void stop() throws Exception {
        s3.close();
    }

    @Test
    void violations_readThroughTheTablesProjection_everyCommittedViolationOnceInTheTablesColumns() throws Exception {
        BatchResult result = deliver(environment(), "incoming/day-one.csv", "incoming/two-days.csv");

        Map<String, Integer> committed = committedViolationsByInput(result);
        String version = onlyResultVersion();
        List<Row> rows = query(version, "2026-11-19", "2026-11-22");

        assertEquals(committed.values().stream().mapToInt(Integer::intValue).sum(), rows.size(), rows.toString());
        Map<String, Integer> rowsByInput = new TreeMap<>();
        rows.forEach(row -> rowsByInput.merge(row.values().get("input").asText(), 1, Integer::sum));
        assertEquals(committed, rowsByInput);
        assertTrue(rows.stream().anyMatch(r -> r.day().equals("2026-11-21")), "the next day's speeding is in its own partition");
        for (Row row : rows) {
            assertEquals(row.day(), LocalDate.ofEpochDay((long) Math.floor(row.values().get("start_time").asDouble() / 86_400)).toString(),
                    "a row lies in the partition of its start day: " + row);
            assertColumnsOfTheTable(row);
        }
        assertEverythingUnderTheTableIsProjected();
    }

    @Test
    void violations_redeliveredAfterTheManifestWasLost_sameKeysSameBytes() throws Exception {
        deliver(environment(), "incoming/day-one.csv", "incoming/two-days.csv");
        Map<String, String> before = dataset();
        // A container that died after completing the files but before the manifest: the retry analyses again.
        s3.keys(RESULTS, "results/").stream().filter(k -> k.endsWith("/manifest.json"))
                .forEach(k -> s3.client().deleteObject(b -> b.bucket(RESULTS).key(k)));

        BatchResult again = deliver(environment(), "incoming/day-one.csv", "incoming/two-days.csv");

        again.messages().forEach(m -> assertInstanceOf(JobOutcome.Committed.class, m.outcomes().getFirst()));
        assertEquals(before, dataset());
        assertFalse(before.isEmpty());
    }

    @Test
    void violations_newResultVersion_writtenBesideAndAQueryOfEitherVersionCountsEveryViolationOnce() throws Exception {
        BatchResult first = deliver(environment(), "incoming/day-one.csv", "incoming/two-days.csv");
        String oldVersion = onlyResultVersion();
        Map<String, String> oldDataset = dataset();
        // Another tolerance is another analysis: a new result version, analysed again, written beside the old rows.
        BatchResult second = deliver(environment("DRIVELOG_ANALYSIS__SPEEDING__TOLERANCE_KMH", "2"),
                "incoming/day-one.csv", "incoming/two-days.csv");
        second.messages().forEach(m -> assertInstanceOf(JobOutcome.Committed.class, m.outcomes().getFirst()));

        List<String> versions = resultVersions();
        assertEquals(2, versions.size(), versions.toString());
        String newVersion = versions.stream().filter(v -> !v.equals(oldVersion)).findFirst().orElseThrow();
        assertNotEquals(oldVersion, newVersion);
        assertEquals(sum(committedViolationsByInput(first)), query(oldVersion, "2026-11-19", "2026-11-22").size());
        assertEquals(sum(committedViolationsByInput(second)), query(newVersion, "2026-11-19", "2026-11-22").size());
        Map<String, String> oldRowsNow = new TreeMap<>(dataset());
        oldRowsNow.keySet().removeIf(k -> !k.contains("result_version=" + oldVersion + "/"));
        assertEquals(oldDataset, oldRowsNow, "the old version's rows are untouched");
    }

    @Test
    void tripSummaries_readThroughTheTablesProjection_oneRowPerAnalysedTripInTheTablesColumns() throws Exception {
        BatchResult result = deliver(environment(), "incoming/day-one.csv", "incoming/two-days.csv");
        table = SamTemplate.map(template.properties("TripSummariesTable").get("TableInput"));

        Map<String, Integer> committedTrips = new TreeMap<>();
        for (var message : result.messages()) {
            JobOutcome.Committed committed = assertInstanceOf(JobOutcome.Committed.class, message.outcomes().getFirst());
            committedTrips.put(committed.job().key(), committed.report().trips() - committed.report().failedTrips());
        }
        List<Row> rows = query(onlyResultVersion(), "2026-11-19", "2026-11-22");

        Map<String, Integer> rowsByInput = new TreeMap<>();
        rows.forEach(row -> rowsByInput.merge(row.values().get("input").asText(), 1, Integer::sum));
        assertEquals(committedTrips, rowsByInput, "every analysed trip, the clean ones too");
        assertTrue(rows.stream().anyMatch(r -> r.values().get("violations").asInt() == 0), "a clean drive has its row");
        for (Row row : rows) {
            assertTrue(row.values().get("distance_m").asDouble() > 0, row.toString());
            assertColumnsOfTheTable(row);
        }
        assertEverythingUnderTheTableIsProjected();
    }

    // ------------------------------------------------------------------ the pipeline

    private Map<String, String> environment(String... extra) throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("DRIVELOG_MAP", GridDrives.map().toString());
        environment.put("DRIVELOG_PIPELINE__OUTPUT_BUCKET", RESULTS);
        environment.put("DRIVELOG_PIPELINE__OUTPUT_PREFIX", outputPrefix());
        for (int i = 0; i + 1 < extra.length; i += 2) {
            environment.put(extra[i], extra[i + 1]);
        }
        return environment;
    }

    private BatchResult deliver(Map<String, String> environment, String... keys) throws Exception {
        DrivelogAnalysisProvider provider = new DrivelogAnalysisProvider();
        try (Pipeline pipeline = new Pipeline(PipelineSettings.load(environment), s3.connection(), provider.open(environment),
                provider.version(environment), QUIET, "athena-test")) {
            List<QueueMessage> messages = new ArrayList<>();
            for (String key : keys) {
                messages.add(new QueueMessage("m-" + key, JSON.writeValueAsString(Map.of("bucket", LOGS, "key", key)), 1));
            }
            BatchResult result = pipeline.processor().process(messages, TimeBudget.unlimited(), LogContext.forRequest("r-1", null));
            assertEquals(List.of(), result.failedMessageIds());
            return result;
        }
    }

    private Map<String, Integer> committedViolationsByInput(BatchResult result) {
        Map<String, Integer> byInput = new TreeMap<>();
        for (var message : result.messages()) {
            JobOutcome.Committed committed = assertInstanceOf(JobOutcome.Committed.class, message.outcomes().getFirst());
            byInput.put(committed.job().key(), committed.report().violations());
        }
        assertTrue(byInput.values().stream().allMatch(n -> n > 0), "the grid drives find violations: " + byInput);
        return byInput;
    }

    private static int sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The result versions named in the manifests: how a user finds the version to query. */
    private List<String> resultVersions() throws Exception {
        List<String> versions = new ArrayList<>();
        for (String key : s3.keys(RESULTS, outputPrefix())) {
            if (key.endsWith("/manifest.json")) {
                String version = JSON.readTree(s3.get(RESULTS, key)).get("result_version").asText();
                if (!versions.contains(version)) {
                    versions.add(version);
                }
            }
        }
        return versions;
    }

    private String onlyResultVersion() throws Exception {
        List<String> versions = resultVersions();
        assertEquals(1, versions.size(), versions.toString());
        return versions.getFirst();
    }

    /** Every object of the dataset (everything under the table's location), key to content. */
    private Map<String, String> dataset() {
        Map<String, String> objects = new TreeMap<>();
        String[] location = bucketAndPrefix(resolveSub(SamTemplate.map(table.get("StorageDescriptor")).get("Location")));
        for (String key : s3.keys(location[0], location[1])) {
            objects.put(key, new String(s3.get(location[0], key), StandardCharsets.UTF_8));
        }
        return objects;
    }

    // ------------------------------------------------------------------ the table, read as Athena reads it

    /**
     * {@code SELECT * FROM violations WHERE result_version = :version AND dt BETWEEN :from AND :to}:
     * the days come from the dt projection, each partition's place from the location template.
     */
    private List<Row> query(String version, String from, String to) throws Exception {
        Map<String, Object> parameters = SamTemplate.map(table.get("Parameters"));
        assertEquals("injected", parameters.get("projection.result_version.type"));
        String template = resolveSub(parameters.get("storage.location.template"));
        List<Row> rows = new ArrayList<>();
        for (String day : projectedDays(parameters, LocalDate.parse(from), LocalDate.parse(to))) {
            String[] partition = bucketAndPrefix(template.replace("${result_version}", version).replace("${dt}", day));
            for (String key : s3.keys(partition[0], partition[1])) {
                for (String line : new String(s3.get(partition[0], key), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isEmpty()) {
                        rows.add(new Row(version, day, key, JSON.readTree(line)));
                    }
                }
            }
        }
        return rows;
    }

    /** The days the dt projection offers between two dates (format, range and interval of the table). */
    private static List<String> projectedDays(Map<String, Object> parameters, LocalDate from, LocalDate to) {
        assertEquals("date", parameters.get("projection.dt.type"));
        assertEquals("1", String.valueOf(parameters.get("projection.dt.interval")));
        assertEquals("DAYS", parameters.get("projection.dt.interval.unit"));
        DateTimeFormatter format = DateTimeFormatter.ofPattern(String.valueOf(parameters.get("projection.dt.format")));
        String[] range = String.valueOf(parameters.get("projection.dt.range")).split(",");
        LocalDate first = LocalDate.parse(range[0], format);
        LocalDate last = projectedEnd(range[1]);
        List<String> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (!day.isBefore(first) && !day.isAfter(last)) {
                days.add(format.format(day));
            }
        }
        return days;
    }

    /** {@code NOW}, {@code NOW+<n>DAYS} or a date: the end of a projected range. */
    private static LocalDate projectedEnd(String end) {
        Matcher now = Pattern.compile("NOW(?:\\+(\\d+)DAYS)?").matcher(end.trim());
        if (now.matches()) {
            return LocalDate.now().plusDays(now.group(1) == null ? 0 : Long.parseLong(now.group(1)));
        }
        return LocalDate.parse(end.trim());
    }

    /** What the JSON SerDe does with a row: every key a column of the table, every value of its column's type. */
    private void assertColumnsOfTheTable(Row row) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (Object column : SamTemplate.list(SamTemplate.map(table.get("StorageDescriptor")).get("Columns"))) {
            columns.put(String.valueOf(SamTemplate.map(column).get("Name")), String.valueOf(SamTemplate.map(column).get("Type")));
        }
        row.values().fieldNames().forEachRemaining(name -> {
            String type = columns.get(name);
            assertTrue(type != null, "column " + name + " of " + row.key() + " is not in the table, so Athena drops it");
            JsonNode value = row.values().get(name);
            boolean fits = value.isNull() || switch (type) {
                case "string" -> value.isTextual();
                case "double" -> value.isNumber();
                case "bigint" -> value.isIntegralNumber();
                case "int" -> value.canConvertToInt() && value.isIntegralNumber();
                case "array<bigint>" -> value.isArray() && allIntegral(value);
                case "array<string>" -> value.isArray() && allTextual(value);
                case "map<string,int>" -> value.isObject() && allIntegral(value);
                default -> false;
            };
            assertTrue(fits, name + " = " + value + " does not read as " + type + " in " + row.key());
        });
        List<String> required = "violations".equals(table.get("Name"))
                ? List.of("input", "vehicle_id", "trip_id", "type", "start_time", "lat", "lon", "confidence")
                : List.of("input", "vehicle_id", "trip_id", "start_time", "distance_m", "duration_s", "violations");
        for (String fixed : required) {
            assertTrue(row.values().has(fixed), fixed + " missing in " + row);
        }
    }

    private static boolean allTextual(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static boolean allIntegral(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isIntegralNumber()) {
                return false;
            }
        }
        return true;
    }

    /** Nothing the pipeline wrote lies where no projected partition of the table would find it. */
    private void assertEverythingUnderTheTableIsProjected() {
        String template = resolveSub(SamTemplate.map(table.get("Parameters")).get("storage.location.template"));
        String[] parts = bucketAndPrefix(template);
        Pattern projected = Pattern.compile(Pattern.quote(parts[1]).replace("${result_version}", "\\E[^/]+\\Q")
                .replace("${dt}", "\\E\\d{4}-\\d{2}-\\d{2}\\Q") + "[^/]+\\.jsonl");
        for (String key : dataset().keySet()) {
            assertTrue(projected.matcher(key).matches(), key + " lies outside every projected partition " + projected);
        }
    }

    // ------------------------------------------------------------------ CloudFormation

    /** The stack's output prefix: the template's default, as deployed. */
    private String outputPrefix() {
        return String.valueOf(SamTemplate.map(template.parameters().get("OutputPrefix")).get("Default"));
    }

    /** {@code !Sub} as CloudFormation resolves it here: the output bucket, the output prefix, and {@code ${!x}} as {@code ${x}}. */
    private String resolveSub(Object value) {
        String text = String.valueOf(SamTemplate.map(value).get("Fn::Sub"));
        return text.replace("${OutputBucket}", RESULTS).replace("${OutputPrefix}", outputPrefix()).replace("${!", "${");
    }

    private static String[] bucketAndPrefix(String s3Uri) {
        assertTrue(s3Uri.startsWith("s3://"), s3Uri);
        String path = s3Uri.substring("s3://".length());
        int slash = path.indexOf('/');
        return new String[] {path.substring(0, slash), path.substring(slash + 1)};
    }
}
