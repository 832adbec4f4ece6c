// Injected violations really happen in the simulated motion, and the truth records what happened.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "grid_town.hpp"
#include "sim/driving_rules.hpp"
#include "sim/simulator.hpp"
#include "town_fixture.hpp"
#include "truth_evidence.hpp"

namespace drivelog::sim {
namespace {

class TruthTest : public test::GridTownTest {};
using test::evidence;

TEST_F(TruthTest, NoInjectionMeansNoViolations) {
  SimConfig config;
  config.rates = ViolationRates{0, 0, 0, 0, 0};
  for (uint32_t k = 1; k <= 20; ++k) {
    const auto trip = simulate_trip(town(), config, k);
    ASSERT_TRUE(trip);
    EXPECT_TRUE(trip->truth.violations.empty()) << "trip " << k << ": " << trip->truth.violations.front().type;
  }
}

TEST_F(TruthTest, InjectedWrongWayTravelsTheOnewayBackwards) {
  SimConfig config;
  config.rates = ViolationRates{0, 0, 1, 0, 0};
  size_t found = 0;
  for (uint32_t k = 1; k <= 10; ++k) {
    const auto trip = simulate_trip(town(), config, k);
    ASSERT_TRUE(trip);
    for (const auto& v : trip->truth.violations) {
      ASSERT_EQ(v.type, "wrong_way");
      ++found;
      EXPECT_GE(evidence(v, "distance_m"), config.injection.min_wrong_way_length_m);
      EXPECT_GT(v.end_s, v.start_s);
      for (const int64_t way : v.osm_way_ids) {
        EXPECT_EQ((way - 10000) / 10, 2) << "way " << way << " is not on the one-way row 2";
        // The truth route drives that way against its (eastward, forward) direction at that time.
        const auto entry = std::find_if(trip->truth.route.begin(), trip->truth.route.end(), [&](const TruthRouteEntry& r) {
          return r.osm_way_id == way && r.start_s <= v.start_s + 1e-6 && r.end_s >= v.start_s;
        });
        ASSERT_NE(entry, trip->truth.route.end());
        EXPECT_FALSE(entry->forward);
      }
      // The car moves westwards then: its GPS positions during the episode have falling longitude.
      const auto before = trip->drive.profile.at(v.start_s + 1), after = trip->drive.profile.at(v.end_s - 1);
      EXPECT_GT(trip->drive.geometry.position_at(before.s_m).lon, trip->drive.geometry.position_at(after.s_m).lon);
    }
  }
  EXPECT_GE(found, 8u);  // the town always has a one-way within reach
}

TEST_F(TruthTest, InjectedClosedRoadIsEnteredInTheTruth) {
  SimConfig config;
  config.rates = ViolationRates{0, 0, 0, 1, 0};
  size_t found = 0;
  for (uint32_t k = 1; k <= 10; ++k) {
    const auto trip = simulate_trip(town(), config, k);
    ASSERT_TRUE(trip);
    for (const auto& v : trip->truth.violations) {
      ASSERT_EQ(v.type, "no_entry");
      ASSERT_EQ(v.osm_way_ids, std::vector<int64_t>{test::south_way(2, 4)});
      EXPECT_NEAR(evidence(v, "distance_m"), test::kBlockMeters, 2.0);
      ++found;
    }
  }
  EXPECT_GE(found, 8u);
}

TEST_F(TruthTest, InjectedForbiddenTurnNamesRelationAndWays) {
  SimConfig config;
  config.rates = ViolationRates{0, 0, 0, 0, 1};
  size_t found = 0;
  for (uint32_t k = 1; k <= 10; ++k) {
    const auto trip = simulate_trip(town(), config, k);
    ASSERT_TRUE(trip);
    for (const auto& v : trip->truth.violations) {
      ASSERT_EQ(v.type, "turn_restriction");
      const double relation = evidence(v, "relation_id");
      if (relation == 900) {
        EXPECT_EQ(evidence(v, "from_osm_way_id"), static_cast<double>(test::east_way(3, 2)));
        EXPECT_EQ(evidence(v, "to_osm_way_id"), static_cast<double>(test::south_way(3, 3)));
        EXPECT_EQ(evidence(v, "via_osm_node_id"), static_cast<double>(test::node_id(3, 3)));
      } else {
        EXPECT_EQ(relation, 901);
        EXPECT_EQ(evidence(v, "from_osm_way_id"), static_cast<double>(test::east_way(1, 0)));
        EXPECT_NE(evidence(v, "to_osm_way_id"), static_cast<double>(test::east_way(1, 1)));
      }
      ++found;
    }
  }
  EXPECT_GE(found, 8u);
}

TEST_F(TruthTest, SpeedingEpisodesExceedTheTruthThresholdsForLongEnough) {
  SimConfig config;
  config.rates = ViolationRates{1, 0, 0, 0, 0};
  const TruthThresholds& th = config.truth;
  size_t found = 0;
  for (uint32_t k = 1; k <= 20; ++k) {
    const auto trip = simulate_trip(town(), config, k);
    ASSERT_TRUE(trip);
    for (const auto& v : trip->truth.violations) {
      ASSERT_EQ(v.type, "speeding");
      const double limit = evidence(v, "limit_kmh");
      const double threshold = std::max(limit * (1 + th.speeding_tolerance_percent / 100), limit + th.speeding_tolerance_kmh);
      EXPECT_GT(evidence(v, "max_speed_kmh"), threshold);
      EXPECT_GT(evidence(v, "mean_speed_kmh"), threshold);
      EXPECT_GE(v.end_s - v.start_s, th.speeding_min_duration_s);
      // Check the motion itself in the middle of the episode.
      const auto state = trip->drive.profile.at((v.start_s + v.end_s) / 2);
      EXPECT_GT(state.speed_mps * 3.6, threshold);
      ++found;
    }
  }
  EXPECT_GE(found, 10u);
}

TEST_F(TruthTest, SpeedingEpisodesEndWhereTheLimitChanges) {
  SimConfig config;
  config.rates = ViolationRates{1, 0, 0, 0, 0};
  size_t found = 0;
  for (uint32_t k = 1; k <= 80; ++k) {
    const auto trip = simulate_trip(town(), config, k);
    ASSERT_TRUE(trip);
    const Drive& drive = trip->drive;
    for (const auto& v : trip->truth.violations) {
      const double limit = evidence(v, "limit_kmh");
      // Every second of the episode is on a road with the episode's limit, as the detector's are.
      for (double t = v.start_s + 0.05; t < v.end_s - 0.05; t += 0.5) {
        const auto step = drive.geometry.step_at(drive.profile.at(t).s_m);
        EXPECT_EQ(limit_kmh(town(), drive.route[step]), limit) << "trip " << k << " at " << t - v.start_s << " s";
      }
      ++found;
    }
  }
  EXPECT_GE(found, 10u);
}

TEST_F(TruthTest, InjectedViolationsAreClearNotBorderline) {
  SimConfig config;
  config.rates = ViolationRates{1, 1, 0, 0, 0};
  size_t stops = 0, speeding = 0;
  for (uint32_t k = 1; k <= 20; ++k) {
    const auto trip = simulate_trip(town(), config, k);
    ASSERT_TRUE(trip);
    for (const auto& v : trip->truth.violations) {
      if (v.type == "stop_sign") {
        EXPECT_GE(evidence(v, "min_speed_kmh"), config.injection.min_clear_rolling_kmh);
        ++stops;
      }
    }
    for (const auto& stretch : trip->drive.speeding) {
      // A kept stretch produced an episode in the truth that overlaps it.
      const double start_s = trip->drive.profile.time_at(stretch.start_m), end_s = trip->drive.profile.time_at(stretch.end_m);
      const bool recorded = std::any_of(trip->truth.violations.begin(), trip->truth.violations.end(), [&](const TruthViolation& v) {
        return v.type == "speeding" && v.start_s <= end_s && v.end_s >= start_s && v.end_s - v.start_s >= config.injection.min_clear_speeding_s;
      });
      EXPECT_TRUE(recorded) << "trip " << k;
      ++speeding;
    }
  }
  EXPECT_GT(stops, 10u);
  EXPECT_GT(speeding, 10u);
}

TEST_F(TruthTest, RollingStopsAreInjectedOnlyWhereTheDriveGoesOnPastTheLineByTheSeparation) {
  // A drive that ends a few metres past a stop line stands there anyway: no log tells its rolling
  // stop from a stop at the line, so with --min-separation-m M a stop rolls only where the drive
  // goes on at least M past the line (the other injections are unaffected by this rule).
  SimConfig config;
  config.rates = ViolationRates{0, 1, 0, 0, 0};
  const auto rolling_stops = [&](double separation_m) {
    config.injection.min_separation_m = separation_m;
    size_t rolling = 0, stops = 0;
    for (uint32_t k = 1; k <= 20; ++k) {
      const auto trip = simulate_trip(town(), config, k);
      if (!trip) continue;
      for (const auto& stop : trip->drive.stops) {
        ++stops;
        if (!stop.rolling) continue;
        ++rolling;
        EXPECT_GE(trip->drive.geometry.length_m() - stop.line_m, separation_m) << "trip " << k;
      }
    }
    EXPECT_GT(stops, 10u);
    return rolling;
  };
  EXPECT_GT(rolling_stops(0), 10u);
  EXPECT_GT(rolling_stops(12), 10u);
  EXPECT_EQ(rolling_stops(1e7), 0u);  // longer than any drive: no stop is followed by that much road
}

TEST_F(TruthTest, RouteEntriesCoverTheTripInOrder) {
  SimConfig config;
  for (uint32_t k = 1; k <= 5; ++k) {
    const auto trip = simulate_trip(town(), config, k);
    ASSERT_TRUE(trip);
    const auto& route = trip->truth.route;
    ASSERT_FALSE(route.empty());
    EXPECT_EQ(route.front().start_s, 0.0);
    EXPECT_NEAR(route.back().end_s, trip->drive.profile.duration_s(), 1e-9);
    double length = 0;
    for (size_t i = 0; i < route.size(); ++i) {
      length += route[i].length_m;
      EXPECT_GT(route[i].end_s, route[i].start_s);
      if (i > 0) {
        EXPECT_NEAR(route[i].start_s, route[i - 1].end_s, 1e-9);
      }
    }
    EXPECT_NEAR(length, trip->drive.geometry.length_m(), 1.0);
  }
}

}  // namespace
}  // namespace drivelog::sim
