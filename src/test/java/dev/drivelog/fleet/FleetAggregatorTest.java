package dev.drivelog.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drivelog.config.ScoreConfig;
import dev.drivelog.score.Finding;
import dev.drivelog.score.TripRecord;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetAggregatorTest {
    /** 2026-11-20 23:30 UTC, a Friday: 08:30 on Saturday in Tokyo. */
    private static final double LATE_FRIDAY_UTC = 1_795_217_400;

    private static FleetData data(List<TripRecord> trips, List<Finding> findings) {
        return new FleetData("test", "v1", trips, findings, List.of(), 0);
    }

    private static Finding finding(String vehicle, double time, String place) {
        return new Finding("a.csv", vehicle, vehicle + "/1", "speeding", null, null, time, 35.66, 139.70, "明治通り", place);
    }

    @Test
    void aggregate_tokyoZone_countsDayHourAndWeekdayInTokyo() {
        FleetData data = data(List.of(new TripRecord("a.csv", "car-1", "car-1/1", LATE_FRIDAY_UTC, 30_000, 1800)),
                List.of(finding("car-1", LATE_FRIDAY_UTC + 60, "way/1")));

        FleetSummary utc = new FleetAggregator(ScoreConfig.DEFAULTS, ZoneOffset.UTC).aggregate(data);
        FleetSummary tokyo = new FleetAggregator(ScoreConfig.DEFAULTS, ZoneId.of("Asia/Tokyo")).aggregate(data);

        assertEquals(List.of("2026-11-20"), utc.periods());
        assertEquals(1, utc.byWeekdayHour()[4][23], "Friday 23:00 UTC");
        assertEquals(List.of("2026-11-21"), tokyo.periods());
        assertEquals(1, tokyo.byWeekdayHour()[5][8], "Saturday 08:00 JST");
    }

    @Test
    void aggregate_moreThanAMonth_trendsByIsoWeek() {
        FleetData data = data(List.of(new TripRecord("a.csv", "car-1", "car-1/1", LATE_FRIDAY_UTC, 30_000, 1800),
                new TripRecord("a.csv", "car-1", "car-1/2", LATE_FRIDAY_UTC + 40 * 86_400, 30_000, 1800)), List.of());

        FleetSummary summary = new FleetAggregator(ScoreConfig.DEFAULTS, ZoneOffset.UTC).aggregate(data);

        assertTrue(summary.weekly());
        assertEquals(List.of("2026-W47", "2026-W53"), summary.periods());
    }

    @Test
    void aggregate_daysTooShortForAScore_trendsByIsoWeek() {
        FleetData data = data(List.of(new TripRecord("a.csv", "car-1", "car-1/1", LATE_FRIDAY_UTC, 2_000, 300),
                new TripRecord("a.csv", "car-1", "car-1/2", LATE_FRIDAY_UTC + 86_400, 2_000, 300)), List.of());

        FleetSummary summary = new FleetAggregator(ScoreConfig.DEFAULTS, ZoneOffset.UTC).aggregate(data);

        assertTrue(summary.weekly(), "2 km a day is below min_distance_km: a daily trend would be empty");
        assertEquals(List.of("2026-W47"), summary.periods());
    }

    @Test
    void aggregate_placesAndVehicles_rankedWorstFirstAndMostFindingsFirst() {
        FleetData data = data(List.of(new TripRecord("a.csv", "careful", "c/1", LATE_FRIDAY_UTC, 100_000, 3600),
                        new TripRecord("a.csv", "reckless", "r/1", LATE_FRIDAY_UTC, 100_000, 3600),
                        new TripRecord("a.csv", "tiny", "t/1", LATE_FRIDAY_UTC, 1_000, 60)),
                List.of(finding("reckless", LATE_FRIDAY_UTC, "node/5"), finding("reckless", LATE_FRIDAY_UTC, "node/5"),
                        finding("careful", LATE_FRIDAY_UTC, "way/9")));

        FleetSummary summary = new FleetAggregator(ScoreConfig.DEFAULTS, ZoneOffset.UTC).aggregate(data);

        assertEquals(List.of("reckless", "careful", "tiny"), summary.vehicles().stream().map(VehicleScores::vehicleId).toList());
        assertFalse(summary.vehicles().get(2).overall().scored(), "1 km: no score");
        assertEquals("node/5", summary.hotSpots().getFirst().place());
        assertEquals(2, summary.hotSpots().getFirst().count());
        assertEquals("明治通り", summary.hotSpots().getFirst().roadName());
        assertEquals(2, summary.hotSpotsTotal());
        assertEquals("violation", summary.categoryByType().get("speeding"), "rows without a category are violations");
    }
}
