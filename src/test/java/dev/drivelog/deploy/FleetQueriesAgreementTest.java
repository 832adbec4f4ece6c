package dev.drivelog.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.config.ScoreConfig;
import dev.drivelog.fleet.FleetAggregator;
import dev.drivelog.fleet.FleetDataReader;
import dev.drivelog.fleet.FleetSummary;
import dev.drivelog.fleet.HotSpot;
import dev.drivelog.fleet.SyntheticFleet;
import dev.drivelog.fleet.TripScore;
import dev.drivelog.fleet.VehicleScores;
import dev.drivelog.score.Score;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Athena named queries of template.yaml and the fleet page's Java aggregation give the same
 * numbers on the same rows: a results directory written by the real writers, read by
 * {@link FleetDataReader} and by DuckDB (its JSON reader with Hive partitions standing in for the
 * Glue tables' partition projection), each query run as template.yaml states it.
 */
class FleetQueriesAgreementTest {
    private static final Path TEMPLATE = Path.of(System.getProperty("drivelog.repo.dir", "."), "template.yaml");
    private static final String FIRST_DAY = "2026-11-16";
    private static final String LAST_DAY = "2026-11-22";

    @TempDir
    static Path out;

    static SamTemplate template;
    static FleetSummary java;
    static Connection sql;

    @BeforeAll
    static void writeAndRead() throws Exception {
        int findings = SyntheticFleet.write(out, 9, 240, 7, 1.5, 4, 11);
        assertTrue(findings > 200, "enough findings to compare: " + findings);
        template = SamTemplate.load(TEMPLATE);
        java = new FleetAggregator(ScoreConfig.DEFAULTS, ZoneOffset.UTC).aggregate(FleetDataReader.read(out, null));
        sql = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = sql.createStatement()) {
            for (Map.Entry<String, String> table : Map.of("violations", "ViolationsTable", "trip_summaries", "TripSummariesTable").entrySet()) {
                // The columns and types the Glue table declares, as Athena reads the rows (a column that is
                // null in every row of one file has no type DuckDB could infer from it).
                statement.execute("CREATE VIEW " + table.getKey() + " AS SELECT * FROM read_json('" + out.resolve(table.getKey())
                        + "/*/*/*.jsonl', format = 'newline_delimited', hive_partitioning = true, hive_types_autocast = false, "
                        + "columns = " + duckDbColumns(table.getValue()) + ")");
            }
        }
    }

    @AfterAll
    static void close() throws Exception {
        if (sql != null) {
            sql.close();
        }
    }

    /** The Glue table's columns as a DuckDB {@code columns} struct: {@code {'input': 'VARCHAR', ...}}. */
    private static String duckDbColumns(String tableResource) {
        Map<String, Object> table = SamTemplate.map(template.properties(tableResource).get("TableInput"));
        StringBuilder columns = new StringBuilder("{");
        for (Object column : SamTemplate.list(SamTemplate.map(table.get("StorageDescriptor")).get("Columns"))) {
            Map<String, Object> c = SamTemplate.map(column);
            columns.append(columns.length() > 1 ? ", " : "").append('\'').append(c.get("Name")).append("': '")
                    .append(duckDbType(String.valueOf(c.get("Type")))).append('\'');
        }
        return columns.append('}').toString();
    }

    private static String duckDbType(String glueType) {
        return switch (glueType) {
            case "string" -> "VARCHAR";
            case "double" -> "DOUBLE";
            case "bigint" -> "BIGINT";
            case "int" -> "INTEGER";
            case "boolean" -> "BOOLEAN";
            case "array<bigint>" -> "BIGINT[]";
            case "array<string>" -> "VARCHAR[]";
            case "map<string,int>" -> "MAP(VARCHAR, INTEGER)";
            default -> throw new IllegalArgumentException("no DuckDB type for Glue type " + glueType);
        };
    }

    /** Runs a named query with its parameters: version, first day, last day, once per table it reads. */
    private static List<Map<String, Object>> run(String queryId) throws Exception {
        String query = String.valueOf(template.properties(queryId).get("QueryString"));
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement statement = sql.prepareStatement(query)) {
            int parameters = statement.getParameterMetaData().getParameterCount();
            assertEquals(0, parameters % 3, queryId + ": parameters come in threes");
            for (int i = 0; i < parameters; i++) {
                statement.setString(i + 1, List.of(SyntheticFleet.RESULT_VERSION, FIRST_DAY, LAST_DAY).get(i % 3));
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                        row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
        }
        assertFalse(rows.isEmpty(), queryId + " returned nothing");
        return rows;
    }

    private static double number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).doubleValue();
    }

    @Test
    void vehicleScores_queryAndJava_sameVehiclesOrderDistanceAndScore() throws Exception {
        List<Map<String, Object>> rows = run("VehicleScoresQuery");

        assertEquals(java.vehicles().size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            VehicleScores vehicle = java.vehicles().get(i);
            Score score = vehicle.overall();
            assertEquals(vehicle.vehicleId(), row.get("vehicle_id"), "rank " + (i + 1));
            assertEquals(score.trips(), number(row, "trips"));
            assertEquals(score.distanceKm(), number(row, "distance_km"), 1e-6);
            assertEquals(score.durationH(), number(row, "hours"), 1e-6);
            assertEquals(score.findings(), number(row, "findings"));
            assertEquals(score.penaltyPoints(), number(row, "penalty_points"), 1e-9);
            if (score.scored()) {
                assertEquals(score.score(), number(row, "score"), 1e-9, vehicle.vehicleId());
                assertEquals(score.pointsPer100km(), number(row, "points_per_100km"), 1e-9);
            } else {
                assertNull(row.get("score"), vehicle.vehicleId() + " drove too little for a score");
            }
        }
        assertTrue(java.vehicles().stream().anyMatch(v -> !v.overall().scored()), "the short-distance rule is exercised");
    }

    @Test
    void vehicleDailyScores_queryAndJava_sameScorePerVehicleAndDay() throws Exception {
        List<Map<String, Object>> rows = run("VehicleDailyScoresQuery");

        int compared = 0;
        for (Map<String, Object> row : rows) {
            VehicleScores vehicle = java.vehicles().stream().filter(v -> v.vehicleId().equals(row.get("vehicle_id"))).findFirst().orElseThrow();
            Score day = vehicle.byPeriod().get(String.valueOf(row.get("dt")));
            assertEquals(day.distanceKm(), number(row, "distance_km"), 1e-6);
            assertEquals(day.findings(), number(row, "findings"));
            if (day.scored()) {
                assertEquals(day.score(), number(row, "score"), 1e-9);
            } else {
                assertNull(row.get("score"));
            }
            compared++;
        }
        assertEquals(java.vehicles().stream().mapToInt(v -> v.byPeriod().size()).sum(), compared);
    }

    @Test
    void tripScores_queryAndJava_sameLowestTripsInOrder() throws Exception {
        List<Map<String, Object>> rows = run("TripScoresQuery");

        assertEquals(java.lowestTrips().size(), rows.size());
        assertEquals(FleetAggregator.LOWEST_TRIPS, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            TripScore trip = java.lowestTrips().get(i);
            assertEquals(trip.input(), rows.get(i).get("input"), "rank " + (i + 1));
            assertEquals(trip.tripId(), rows.get(i).get("trip_id"), "rank " + (i + 1));
            assertEquals(trip.score().score(), number(rows.get(i), "score"), 1e-9);
            assertEquals(trip.score().findings(), number(rows.get(i), "findings"));
            assertEquals(trip.score().distanceKm(), number(rows.get(i), "distance_km"), 1e-9);
        }
    }

    @Test
    void findingsByType_queryAndJava_sameCountsBySeverityAndRate() throws Exception {
        List<Map<String, Object>> rows = run("FindingsByTypeQuery");

        Map<String, Map<String, Integer>> fromSql = new HashMap<>();
        Map<String, Double> ratePerType = new HashMap<>();
        for (Map<String, Object> row : rows) {
            String type = String.valueOf(row.get("type"));
            fromSql.computeIfAbsent(type, t -> new HashMap<>()).merge(String.valueOf(row.get("severity")),
                    (int) number(row, "findings"), Integer::sum);
            ratePerType.merge(type, number(row, "per_100km"), Double::sum);
        }
        assertEquals(java.fleet().countsByTypeAndSeverity(), fromSql);
        ratePerType.forEach((type, rate) -> assertEquals(java.fleet().per100km(type), rate, 1e-9, type));
    }

    @Test
    void hotSpots_queryAndJava_samePlacesCountsAndPositions() throws Exception {
        List<Map<String, Object>> rows = run("HotSpotsQuery");

        assertEquals(Math.min(java.hotSpotsTotal(), FleetAggregator.MAX_HOT_SPOTS), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            HotSpot spot = java.hotSpots().get(i);
            assertEquals(spot.place(), rows.get(i).get("place"), "hot spot " + (i + 1));
            assertEquals(spot.count(), number(rows.get(i), "findings"));
            assertEquals(spot.lat(), number(rows.get(i), "lat"), 1e-9);
            assertEquals(spot.lon(), number(rows.get(i), "lon"), 1e-9);
        }
        assertTrue(rows.stream().anyMatch(r -> String.valueOf(r.get("place")).startsWith("node/")), "junctions are places");
        assertTrue(rows.stream().anyMatch(r -> String.valueOf(r.get("place")).startsWith("way/")), "roads are places");
    }

    @Test
    void timeOfDay_queryAndJava_sameCountsByUtcWeekdayAndHour() throws Exception {
        List<Map<String, Object>> rows = run("TimeOfDayQuery");

        int[][] fromSql = new int[7][24];
        for (Map<String, Object> row : rows) {
            fromSql[(int) number(row, "weekday")][(int) number(row, "hour")] = (int) number(row, "findings");
        }
        for (int day = 0; day < 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                assertEquals(java.byWeekdayHour()[day][hour], fromSql[day][hour], "weekday " + day + " hour " + hour);
            }
        }
    }
}
