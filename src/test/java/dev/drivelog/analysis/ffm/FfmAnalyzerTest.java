package dev.drivelog.analysis.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.analysis.AnalysisException;
import dev.drivelog.analysis.GridDrives;
import dev.drivelog.logs.Trip;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The FFM binding against the real native library and a real (small) map. */
class FfmAnalyzerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static NativeMap map;

    @BeforeAll
    static void openMap() throws Exception {
        map = NativeMap.open(GridDrives.map());
    }

    @AfterAll
    static void closeMap() {
        map.close();
    }

    @Test
    void analyze_gridTrips_returnTheirResultsWithTheirIds() throws Exception {
        try (FfmAnalyzer analyzer = new FfmAnalyzer(map, "")) {
            for (Trip trip : GridDrives.trips()) {
                JsonNode result = JSON.readTree(analyzer.analyze(trip));

                assertEquals("drivelog.trip/1.5", result.get("schema").asText());
                assertEquals(trip.tripId(), result.get("trip_id").asText());
                assertEquals(trip.count(), result.get("summary").get("points").asInt());
            }
        }
    }

    @Test
    void analyze_speedingDrive_findsSpeedingOnTheNamedRoad() throws Exception {
        try (FfmAnalyzer analyzer = new FfmAnalyzer(map, "")) {
            JsonNode result = JSON.readTree(analyzer.analyze(GridDrives.trips().getFirst()));

            JsonNode speeding = result.get("violations").get(0);
            assertEquals("speeding", speeding.get("type").asText(), result.toString());
            assertEquals(101, speeding.get("osm_way_ids").get(0).asLong());
            assertEquals("Hauptstraße", speeding.get("road_name").asText(), "UTF-8 survives the boundary");
        }
    }

    @Test
    void analyze_sameTripTwice_givesTheSameText() throws Exception {
        Trip trip = GridDrives.trips().get(2);
        try (FfmAnalyzer analyzer = new FfmAnalyzer(map, "")) {
            String first = analyzer.analyze(trip);
            analyzer.analyze(GridDrives.trips().get(3));
            assertEquals(first, analyzer.analyze(trip), "no state leaks from one trip into the next");
        }
    }

    @Test
    void analyze_tripLongerThanTheBuffers_growsThemAndKeepsWorking() throws Exception {
        double[][] backAndForth = new double[41][];
        for (int i = 0; i < backAndForth.length; i++) {
            backAndForth[i] = new double[] {52.5, i % 2 == 0 ? 13.4 : 13.412};
        }
        Trip longTrip = GridDrives.drive("long", GridDrives.START, 3.0, backAndForth);
        assertTrue(longTrip.count() > 4096, "longer than the initial buffers: " + longTrip.count());
        try (FfmAnalyzer analyzer = new FfmAnalyzer(map, "")) {
            analyzer.analyze(GridDrives.trips().getFirst());
            JsonNode result = JSON.readTree(analyzer.analyze(longTrip));
            assertEquals(longTrip.count(), result.get("summary").get("points").asInt());
            JsonNode after = JSON.readTree(analyzer.analyze(GridDrives.trips().getFirst()));
            assertEquals(GridDrives.trips().getFirst().count(), after.get("summary").get("points").asInt());
        }
    }

    @Test
    void analyze_arraysLongerThanCount_passesOnlyCountPoints() throws Exception {
        Trip trip = GridDrives.trips().get(3);
        int spare = 50;
        double[] time = Arrays.copyOf(trip.timeSeconds(), trip.count() + spare);
        double[] lat = Arrays.copyOf(trip.lat(), trip.count() + spare);
        double[] lon = Arrays.copyOf(trip.lon(), trip.count() + spare);
        Arrays.fill(lat, trip.count(), lat.length, -89.0); // far away: would wreck the trip if passed
        Trip padded = new Trip(trip.vehicleId(), trip.tripId(), trip.count(), time, lat, lon,
                Arrays.copyOf(trip.speedMps(), trip.count() + spare), Arrays.copyOf(trip.headingDeg(), trip.count() + spare),
                Arrays.copyOf(trip.accuracyMeters(), trip.count() + spare));
        try (FfmAnalyzer analyzer = new FfmAnalyzer(map, "")) {
            assertEquals(analyzer.analyze(trip), analyzer.analyze(padded));
        }
    }

    @Test
    void analyze_withoutOptionalColumns_isAnalysed() throws Exception {
        Trip full = GridDrives.trips().get(3);
        Trip bare = new Trip("", "bare", full.count(), full.timeSeconds(), full.lat(), full.lon(), null, null, null);
        try (FfmAnalyzer analyzer = new FfmAnalyzer(map, "")) {
            JsonNode result = JSON.readTree(analyzer.analyze(bare));
            assertEquals(full.count(), result.get("summary").get("points").asInt());
        }
    }

    @Test
    void constructor_unknownConfigKey_isPermanentAndNamesTheKey() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> new FfmAnalyzer(map, "no_such_section.no_such_key=1"));

        assertTrue(e.permanent());
        assertTrue(e.getMessage().contains("no_such_section.no_such_key"), e.getMessage());
    }

    @Test
    void open_missingMap_isPermanentAndNamesTheFile() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> NativeMap.open(Path.of("/nonexistent/drivelog-test.dlmap")));

        assertTrue(e.permanent());
        assertTrue(e.getMessage().contains("/nonexistent/drivelog-test.dlmap"), e.getMessage());
    }

    @Test
    void close_mapWithLiveAnalyzer_isRefusedUntilTheAnalyzerIsClosed() throws Exception {
        NativeMap own = NativeMap.open(GridDrives.map());
        FfmAnalyzer analyzer = new FfmAnalyzer(own, "");

        assertThrows(IllegalStateException.class, own::close);
        analyzer.close();
        own.close();
        assertThrows(IllegalStateException.class, own::infoJson, "a closed map is not used");
    }

    @Test
    void shared_samePathTwice_isTheSameMap() throws Exception {
        assertTrue(NativeMap.shared(GridDrives.map()) == NativeMap.shared(GridDrives.map()));
        assertTrue(JSON.readTree(NativeMap.shared(GridDrives.map()).infoJson()).isObject());
    }
}
