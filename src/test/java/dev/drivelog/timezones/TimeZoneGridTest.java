package dev.drivelog.timezones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.analysis.NativeLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeZoneGridTest {

    private static final AreaBox AREA = new AreaBox(0.0, 9.8, 0.5, 10.2);

    @Test
    void constructor_areaAcrossTwoZones_eachCellGetsTheZoneOfItsCentre() {
        TimeZoneGrid grid = new TimeZoneGrid(AREA, (lat, lon) -> ZoneId.of(lon < 10.0 ? "Europe/Lisbon" : "Asia/Tokyo"));
        assertEquals(List.of(ZoneId.of("Europe/Lisbon"), ZoneId.of("Asia/Tokyo")), grid.zones());
        assertEquals(ZoneId.of("Europe/Lisbon"), grid.zoneOf(0.25, 9.995));
        assertEquals(ZoneId.of("Asia/Tokyo"), grid.zoneOf(0.25, 10.005));
        // Blocks on one side are decided by five lookups, not one per cell.
        assertTrue(grid.lookups() < grid.rows() * grid.cols() / 4, grid.lookups() + " lookups");
    }

    @Test
    void constructor_zonesWithTheSameOffsets_areOneZone() {
        TimeZoneGrid grid = new TimeZoneGrid(AREA, (lat, lon) -> ZoneId.of(lon < 10.0 ? "Europe/Paris" : "Europe/Berlin"));
        assertEquals(List.of(ZoneId.of("Europe/Paris")), grid.zones());
    }

    @Test
    void offsets_summerTimeZone_firstOffsetThenTransitionsUntil2100() {
        List<long[]> berlin = TimeZoneGrid.offsets(ZoneId.of("Europe/Berlin").getRules());
        assertEquals(3600, berlin.getFirst()[1]);
        assertEquals(1 + 2 * 100, berlin.size(), "two transitions a year 2000-2099");
        assertEquals(1, TimeZoneGrid.offsets(ZoneId.of("Asia/Tokyo").getRules()).size());
    }

    /** The file the grid writes is the one the native builder reads: a real build, then map info. */
    @Test
    void write_intoANativeBuild_mapKnowsBothZones(@TempDir Path dir) throws Exception {
        TimeZoneGrid grid = new TimeZoneGrid(new AreaBox(35.65, 139.69, 35.67, 139.72),
                (lat, lon) -> ZoneId.of(lon < 139.705 ? "Asia/Tokyo" : "Etc/UTC"));
        Path zones = dir.resolve("zones.txt");
        grid.write(zones, "test zones");
        Path map = dir.resolve("japan.dlmap");
        String tool = NativeLocation.tool("drivelog-map").toString();
        Process build = new ProcessBuilder(tool, "build", "--osm", "src/test/resources/osm/japan_dates.osm", "--out",
                map.toString(), "--time-zones", zones.toString()).redirectErrorStream(true).start();
        String buildOutput = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, build.waitFor(), buildOutput);
        Process info = new ProcessBuilder(tool, "info", map.toString()).start();
        JsonNode json = new ObjectMapper().readTree(info.getInputStream());
        assertEquals(0, info.waitFor());
        assertEquals("[\"Asia/Tokyo\",\"Etc/UTC\"]", json.get("time_zones").toString());
        assertEquals("test zones", json.get("time_zone_source").asText());
        assertEquals(2, json.get("legal").get("regions").get("JP").asInt());
        assertTrue(Files.size(map) > 0);
    }

    /** Real polygons: the Portuguese-Spanish border at Badajoz, an hour apart. */
    @Test
    void timeshape_areaOnABorderOfTwoOffsets_bothSidesRight() {
        TimeshapeZones zones = new TimeshapeZones();
        TimeZoneGrid grid = new TimeZoneGrid(new AreaBox(38.85, -7.15, 38.90, -6.90), zones::zoneAt);
        assertEquals(2, grid.zones().size(), grid.zones().toString());
        assertEquals(ZoneId.of("Europe/Lisbon"), grid.zoneOf(38.87, -7.12));
        assertEquals(ZoneId.of("Europe/Madrid"), grid.zoneOf(38.87, -6.95));
    }
}
