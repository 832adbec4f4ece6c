package dev.drivelog.report;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drivelog.analysis.NativeLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Roads and stop signs of a map file, read through the native library's
 * {@code drivelog_map_roads_json} (src/main/cpp/capi/drivelog_roads.h). Thread safe.
 */
public final class MapRoads implements RoadSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_BYTES = 1024;
    private static final int STATUS_OK = 0;

    private final Path map;
    private final MethodHandle roadsJson;

    public MapRoads(Path map) {
        this.map = map;
        this.roadsJson = NativeLibrary.get().function("drivelog_map_roads_json", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, JAVA_DOUBLE, JAVA_DOUBLE, JAVA_DOUBLE, JAVA_DOUBLE, JAVA_INT, // path, box, max_edges
                ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG));                      // buffer, needed, error
    }

    @Override
    public RoadContext around(double minLat, double minLon, double maxLat, double maxLon, int maxRoads) {
        return parse(call(minLat, minLon, maxLat, maxLon, maxRoads));
    }

    private String call(double minLat, double minLon, double maxLat, double maxLon, int maxRoads) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment path = arena.allocateFrom(map.toString(), StandardCharsets.UTF_8);
            MemorySegment needed = arena.allocate(JAVA_LONG);
            MemorySegment error = arena.allocate(ERROR_BYTES);
            long size = 1 << 16;
            while (true) {
                MemorySegment buffer = arena.allocate(size);
                int status = (int) roadsJson.invokeExact(path, minLat, minLon, maxLat, maxLon, maxRoads,
                        buffer, size, needed, error, (long) ERROR_BYTES);
                if (status != STATUS_OK) {
                    throw new IllegalStateException("reading roads from map " + map + ": " + error.getString(0));
                }
                long length = needed.get(JAVA_LONG, 0);
                if (length < size) {
                    return buffer.getString(0, StandardCharsets.UTF_8);
                }
                size = length + 1;
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("calling drivelog_map_roads_json for " + map, t);
        }
    }

    /** Reads the JSON the native function writes (package-private for tests). */
    static RoadContext parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("roads JSON from the native library is malformed", e);
        }
        List<Road> roads = new ArrayList<>();
        for (JsonNode edge : root.path("edges")) {
            JsonNode shapeNode = edge.path("shape");
            double[] shape = new double[shapeNode.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeNode.get(i).asDouble();
            }
            roads.add(new Road(edge.path("way").asLong(), edge.path("class").asText(), edge.path("name").asText(),
                    edge.path("oneway").asInt(), edge.path("limit_fwd_kmh").asDouble(),
                    edge.path("limit_bwd_kmh").asDouble(), shape));
        }
        List<StopSignMark> stops = new ArrayList<>();
        for (JsonNode stop : root.path("stops")) {
            stops.add(new StopSignMark(stop.path("node").asLong(), stop.path("lat").asDouble(),
                    stop.path("lon").asDouble(), stop.path("way").asLong()));
        }
        return new RoadContext(roads, stops, root.path("omitted_edges").asInt());
    }
}
