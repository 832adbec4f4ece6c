package dev.drivelog.fleet;

import dev.drivelog.config.ScoreConfig;
import dev.drivelog.score.Finding;
import dev.drivelog.score.ScoreTally;
import dev.drivelog.score.TripRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Aggregates one result version's trips and findings into a {@link FleetSummary}: one pass over the
 * rows, memory in proportion to vehicles x periods and places, not to findings.
 */
public final class FleetAggregator {
    /** Most hot spots kept (drawn on the map; the table shows the first of them). */
    public static final int MAX_HOT_SPOTS = 300;
    /** Trips listed with the lowest scores. */
    public static final int LOWEST_TRIPS = 20;
    /** Up to this many days of data the trend is per day, beyond it per ISO week (also when days are too short for a score). */
    static final int MAX_DAILY_PERIODS = 31;

    private final ScoreConfig config;
    private final ZoneId zone;

    public FleetAggregator(ScoreConfig config, ZoneId zone) {
        this.config = config;
        this.zone = zone;
    }

    public FleetSummary aggregate(FleetData data) {
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (TripRecord trip : data.trips()) {
            first = Math.min(first, trip.startTime());
            last = Math.max(last, trip.startTime());
        }
        for (Finding finding : data.findings()) {
            first = Math.min(first, finding.startTime());
            last = Math.max(last, finding.startTime());
        }
        boolean weekly = first <= last && (local(last).toLocalDate().toEpochDay() - local(first).toLocalDate().toEpochDay()
                >= MAX_DAILY_PERIODS || medianDailyDistanceKm(data) < config.minDistanceKm());

        ScoreTally fleet = new ScoreTally(config);
        Map<String, ScoreTally> byVehicle = new TreeMap<>();
        Map<String, Map<String, ScoreTally>> byVehiclePeriod = new HashMap<>();
        TreeSet<String> periods = new TreeSet<>();
        Map<String, ScoreTally> byTrip = new HashMap<>();
        Map<String, TripRecord> trips = new HashMap<>();
        for (TripRecord trip : data.trips()) {
            String period = period(trip.startTime(), weekly);
            periods.add(period);
            trips.put(tripKey(trip.input(), trip.tripId()), trip);
            for (ScoreTally tally : List.of(fleet, tally(byVehicle, trip.vehicleId()), tally(byVehiclePeriod, trip.vehicleId(), period),
                    tally(byTrip, tripKey(trip.input(), trip.tripId())))) {
                tally.addTrip(trip);
            }
        }
        Map<String, String> categoryByType = new TreeMap<>();
        Map<String, PlaceTally> places = new HashMap<>();
        int[][] weekdayHour = new int[7][24];
        for (Finding finding : data.findings()) {
            String period = period(finding.startTime(), weekly);
            periods.add(period);
            for (ScoreTally tally : List.of(fleet, tally(byVehicle, finding.vehicleId()),
                    tally(byVehiclePeriod, finding.vehicleId(), period), tally(byTrip, tripKey(finding.input(), finding.tripId())))) {
                tally.addFinding(finding);
            }
            // A row without the column reads as a violation; any row saying otherwise names the type's kind.
            categoryByType.merge(finding.type(), finding.category(), (known, row) -> known.equals(Finding.VIOLATION) ? row : known);
            places.computeIfAbsent(finding.place(), PlaceTally::new).add(finding);
            LocalDateTime at = local(finding.startTime());
            weekdayHour[at.getDayOfWeek().getValue() - 1][at.getHour()]++;
        }

        List<VehicleScores> vehicles = new ArrayList<>();
        byVehicle.forEach((vehicle, tally) -> {
            Map<String, dev.drivelog.score.Score> trend = new TreeMap<>();
            byVehiclePeriod.getOrDefault(vehicle, Map.of()).forEach((period, t) -> trend.put(period, t.score()));
            vehicles.add(new VehicleScores(vehicle, tally.score(), trend));
        });
        // Lowest score first: the vehicles to look at; then those without a score (the named query's order).
        vehicles.sort(Comparator.<VehicleScores, Boolean>comparing(v -> !v.overall().scored())
                .thenComparingDouble(v -> v.overall().scored() ? v.overall().score() : 0)
                .thenComparing(VehicleScores::vehicleId));
        List<HotSpot> hotSpots = places.values().stream().map(PlaceTally::hotSpot)
                .sorted(Comparator.comparingInt(HotSpot::count).reversed().thenComparing(HotSpot::place))
                .limit(MAX_HOT_SPOTS).toList();
        // A finding whose trip has no row (no distance) has no score and is not listed.
        List<TripScore> lowestTrips = trips.entrySet().stream()
                .map(e -> new TripScore(e.getValue().input(), e.getValue().vehicleId(), e.getValue().tripId(), e.getValue().startTime(),
                        byTrip.get(e.getKey()).score()))
                .filter(t -> t.score().scored())
                .sorted(Comparator.comparingDouble((TripScore t) -> t.score().score()).thenComparing(TripScore::input)
                        .thenComparing(TripScore::tripId))
                .limit(LOWEST_TRIPS).toList();
        return new FleetSummary(data, zone, weekly, List.copyOf(periods), fleet.score(), vehicles, lowestTrips, categoryByType,
                hotSpots, places.size(), weekdayHour, first <= last ? first : Double.NaN, first <= last ? last : Double.NaN);
    }

    /** Trip ids are unique within an input, not across inputs. */
    private static String tripKey(String input, String tripId) {
        return input + "\n" + tripId;
    }

    private ScoreTally tally(Map<String, ScoreTally> byKey, String key) {
        return byKey.computeIfAbsent(key, k -> new ScoreTally(config));
    }

    private ScoreTally tally(Map<String, Map<String, ScoreTally>> byVehiclePeriod, String vehicle, String period) {
        return tally(byVehiclePeriod.computeIfAbsent(vehicle, v -> new HashMap<>()), period);
    }

    /**
     * The distance a vehicle typically drives on a day it drives: below the minimum distance for a
     * score, days would show no score at all, so the trend is per week.
     */
    private double medianDailyDistanceKm(FleetData data) {
        Map<String, Double> byVehicleDay = new HashMap<>();
        for (TripRecord trip : data.trips()) {
            byVehicleDay.merge(trip.vehicleId() + "\n" + period(trip.startTime(), false), trip.distanceM() / 1000, Double::sum);
        }
        if (byVehicleDay.isEmpty()) {
            return 0;
        }
        double[] distances = byVehicleDay.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return distances[distances.length / 2];
    }

    private LocalDateTime local(double epochSeconds) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond((long) Math.floor(epochSeconds)), zone);
    }

    /** {@code 2026-11-21}, or {@code 2026-W48} (ISO week-based year and week) when weekly. */
    String period(double epochSeconds, boolean weekly) {
        LocalDateTime at = local(epochSeconds);
        if (!weekly) {
            return at.toLocalDate().toString();
        }
        return String.format(Locale.ROOT, "%d-W%02d", at.get(IsoFields.WEEK_BASED_YEAR), at.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The findings of one place while they are counted. */
    private static final class PlaceTally {
        private final String place;
        private int count;
        private double latSum;
        private double lonSum;
        private int positioned;
        private final Map<String, Integer> byType = new TreeMap<>();
        private final Map<String, Integer> names = new HashMap<>();

        PlaceTally(String place) {
            this.place = place;
        }

        void add(Finding finding) {
            count++;
            byType.merge(finding.type(), 1, Integer::sum);
            if (!finding.roadName().isEmpty()) {
                names.merge(finding.roadName(), 1, Integer::sum);
            }
            if (Double.isFinite(finding.lat()) && Double.isFinite(finding.lon())) {
                latSum += finding.lat();
                lonSum += finding.lon();
                positioned++;
            }
        }

        HotSpot hotSpot() {
            String name = names.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse("");
            return new HotSpot(place, positioned == 0 ? Double.NaN : latSum / positioned,
                    positioned == 0 ? Double.NaN : lonSum / positioned, name, count, byType);
        }
    }
}
