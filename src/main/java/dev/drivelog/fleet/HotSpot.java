package dev.drivelog.fleet;

import java.util.Map;

/**
 * Findings at one place (a junction, a road, or a ~100 m cell: {@link dev.drivelog.score.Finding#place}).
 *
 * @param lat         mean position of its findings
 * @param roadName    the road name most of them carry ("" when none)
 * @param countByType findings by type
 */
public record HotSpot(String place, double lat, double lon, String roadName, int count, Map<String, Integer> countByType) {
    public HotSpot {
        // In type order: the page lists them, and the same results must give the same page.
        countByType = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(countByType));
    }
}
