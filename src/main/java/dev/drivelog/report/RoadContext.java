package dev.drivelog.report;

import java.util.List;

/**
 * The part of the reference map around a trip: roads and stop signs.
 *
 * @param omittedRoads roads in the box left out to keep the page small (the least important classes)
 */
public record RoadContext(List<Road> roads, List<StopSignMark> stops, int omittedRoads) {
    public static final RoadContext EMPTY = new RoadContext(List.of(), List.of(), 0);

    public RoadContext {
        roads = List.copyOf(roads);
        stops = List.copyOf(stops);
    }
}
