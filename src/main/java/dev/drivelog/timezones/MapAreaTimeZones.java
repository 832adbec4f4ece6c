package dev.drivelog.timezones;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.analysis.NativeLocation;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The step of `drivelog map build` before the native build: the OSM file's area
 * ({@code drivelog-map bbox}), its time zones ({@link TimeZoneGrid} over {@link TimeshapeZones}),
 * written to a file the native builder stores in the map ({@code --time-zones}). Without timeshape
 * on the class path (the Lambda image, which builds no maps) the map is built without zones and
 * says so: local time is then UTC.
 */
public final class MapAreaTimeZones {
    private MapAreaTimeZones() {}

    /** Writes the zones of `osm`'s area to `zonesFile`; empty if they could not be computed (the reason on `err`). */
    public static Optional<Path> write(Path osm, Path zonesFile, PrintStream err) {
        AreaBox area;
        try {
            area = areaOf(osm);
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            err.println("drivelog map build: no time zones (" + e.getMessage() + "); the native build will report the input");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            long start = System.nanoTime();
            TimeshapeZones zones = new TimeshapeZones();
            TimeZoneGrid grid = new TimeZoneGrid(area, zones::zoneAt);
            grid.write(zonesFile, TimeshapeZones.source());
            err.printf("drivelog map build: time zones %s over %d x %d cells (%d lookups, %.1f s)%n", grid.zones(), grid.rows(),
                    grid.cols(), grid.lookups(), (System.nanoTime() - start) / 1e9);
            return Optional.of(zonesFile);
        } catch (NoClassDefFoundError e) {
            err.println("drivelog map build: timeshape is not on the class path; the map's local time will be UTC");
            return Optional.empty();
        } catch (IOException e) {
            err.println("drivelog map build: cannot write time zones to " + zonesFile + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    static AreaBox areaOf(Path osm) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(NativeLocation.tool("drivelog-map").toString(), "bbox", "--osm", osm.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("cannot read the area of " + osm);
        }
        JsonNode box = new ObjectMapper().readTree(out);
        return new AreaBox(box.get("min_lat").asDouble(), box.get("min_lon").asDouble(), box.get("max_lat").asDouble(),
                box.get("max_lon").asDouble());
    }
}
