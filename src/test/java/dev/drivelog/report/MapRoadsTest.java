package dev.drivelog.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.analysis.GridDrives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native drivelog_map_roads_json over the grid fixture (src/test/resources/bindings/grid.osm). */
class MapRoadsTest {

    @Test
    void around_wholeGrid_returnsEveryNamedRoadWithOnewayLimitAndStopSign() throws Exception {
        MapRoads roads = new MapRoads(GridDrives.map());

        RoadContext context = roads.around(52.499, 13.399, 52.505, 13.413, 1000);

        Set<String> names = context.roads().stream().map(Road::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("Hauptstraße", "Einbahnstraße", "Nordstraße", "Westweg", "Mittelweg", "Ostweg")),
                names.toString());
        Road oneway = context.roads().stream().filter(r -> r.name().equals("Einbahnstraße")).findFirst().orElseThrow();
        assertTrue(oneway.oneway() != 0);
        Road haupt = context.roads().stream().filter(r -> r.name().equals("Hauptstraße")).findFirst().orElseThrow();
        assertEquals(30.0, haupt.limitForwardKmh());
        assertEquals("residential", haupt.roadClass());
        assertTrue(haupt.shape().length >= 4 && haupt.shape().length % 2 == 0);
        assertEquals(1, context.stops().stream().map(StopSignMark::nodeId).distinct().count(), context.stops().toString());
        assertEquals(0, context.omittedRoads());
    }

    @Test
    void around_boxAwayFromTheGrid_returnsNothing() throws Exception {
        RoadContext context = new MapRoads(GridDrives.map()).around(10.0, 10.0, 10.01, 10.01, 1000);

        assertTrue(context.roads().isEmpty() && context.stops().isEmpty());
    }

    @Test
    void around_maxRoadsBelowTheCount_omitsTheRest() throws Exception {
        RoadContext context = new MapRoads(GridDrives.map()).around(52.499, 13.399, 52.505, 13.413, 2);

        assertEquals(2, context.roads().size());
        assertTrue(context.omittedRoads() > 0);
    }

    @Test
    void around_notAMapFile_failsNamingTheFile(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.dlmap"), "not a map");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new MapRoads(junk).around(52, 13, 53, 14, 10));
        assertTrue(e.getMessage().contains("junk.dlmap"), e.getMessage());
    }

    @Test
    void around_invertedBox_isRefused() throws Exception {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new MapRoads(GridDrives.map()).around(53, 13, 52, 14, 10));
        assertTrue(e.getMessage().contains("min <= max"), e.getMessage());
    }
}
