package dev.drivelog.fleet;

import dev.drivelog.score.Score;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What the fleet page shows, aggregated from a {@link FleetData}: the same numbers as the Athena
 * named queries of template.yaml over the same rows (docs/REPORT.md).
 *
 * @param zone            the zone that days, weeks, hours and weekdays are counted in
 * @param weekly          periods are ISO weeks ({@code 2026-W48}) rather than days ({@code 2026-11-21})
 * @param periods         every period with a trip or a finding, in order
 * @param vehicles        scored vehicles lowest score first, then those with too little distance for a score, by id
 * @param lowestTrips     the scored trips with the lowest scores, lowest first (at most {@link FleetAggregator#LOWEST_TRIPS})
 * @param categoryByType  violation or event, by finding type
 * @param hotSpots        places by findings, most first (at most {@link FleetAggregator#MAX_HOT_SPOTS})
 * @param hotSpotsTotal   places with any finding
 * @param byWeekdayHour   findings by local day of week (0 Monday) and hour
 * @param firstTime       earliest trip or finding start, seconds since the epoch; NaN without rows
 * @param lastTime        latest
 */
public record FleetSummary(FleetData data, ZoneId zone, boolean weekly, List<String> periods, Score fleet,
                           List<VehicleScores> vehicles, List<TripScore> lowestTrips, Map<String, String> categoryByType, List<HotSpot> hotSpots,
                           int hotSpotsTotal, int[][] byWeekdayHour, double firstTime, double lastTime) {}
