// The simulated motion is physically plausible and obeys the rules it is not told to break.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "sim/simulator.hpp"
#include "town_fixture.hpp"

namespace drivelog::sim {
namespace {

class KinematicsTest : public test::GridTownTest {};

TEST_F(KinematicsTest, SpeedAndAccelerationStayWithinDriverLimits) {
  SimConfig config;
  config.rates = ViolationRates{1, 0.5, 1, 1, 1};
  // The fastest allowed: the 50 km/h rows at the top speeding factor.
  const double max_mps = std::max(50 * config.injection.max_speeding_factor, 50 + config.injection.min_speeding_excess_kmh) / 3.6;
  for (uint32_t k = 1; k <= 20; ++k) {
    const auto trip = simulate_trip(town(), config, k);
    ASSERT_TRUE(trip);
    const auto& p = trip->drive.profile.points();
    for (size_t i = 1; i < p.size(); ++i) {
      ASSERT_LE(p[i].speed_mps, max_mps + 1e-9) << "trip " << k << " at " << p[i].s_m << " m";
      const double ds = p[i].s_m - p[i - 1].s_m;
      const double accel = (p[i].speed_mps * p[i].speed_mps - p[i - 1].speed_mps * p[i - 1].speed_mps) / (2 * ds);
      ASSERT_LE(accel, config.driver.max_accel_mps2 + 1e-9) << "trip " << k;
      ASSERT_GE(accel, -config.driver.max_brake_mps2 - 1e-9) << "trip " << k;
    }
    // Without injected speeding nobody exceeds the limit; with it the truth says where.
    for (size_t i = 0; i < p.size(); ++i) {
      const auto d = trip->drive.route[trip->drive.geometry.step_at(p[i].s_m)];
      const bool in_stretch = std::any_of(trip->drive.speeding.begin(), trip->drive.speeding.end(),
                                          [&](const SpeedingStretch& s) { return p[i].s_m >= s.start_m - 1 && p[i].s_m <= s.end_m + 200; });
      if (!in_stretch) {
        ASSERT_LE(p[i].speed_mps * 3.6, limit_kmh(town(), d) + 1e-6) << "trip " << k << " at " << p[i].s_m;
      }
    }
  }
}

TEST_F(KinematicsTest, VehicleStopsAtEveryStopSignItIsNotToldToRoll) {
  SimConfig config;
  config.rates = ViolationRates{0, 0.5, 0, 0, 0};
  size_t full_stops = 0, rolled = 0;
  for (uint32_t k = 1; k <= 30; ++k) {
    const auto trip = simulate_trip(town(), config, k);
    ASSERT_TRUE(trip);
    const auto& profile = trip->drive.profile;
    for (const auto& stop : trip->drive.stops) {
      double min_speed = 1e9;
      for (const auto& point : profile.points()) {
        if (point.s_m >= stop.line_m - config.truth.stop_zone_m && point.s_m <= stop.line_m) {
          min_speed = std::min(min_speed, point.speed_mps);
        }
      }
      const bool reported = std::any_of(trip->truth.violations.begin(), trip->truth.violations.end(), [&](const TruthViolation& v) {
        return v.type == "stop_sign" && std::fabs(v.lat - stop.position.lat()) < 1e-9 && std::fabs(v.lon - stop.position.lon()) < 1e-9;
      });
      if (stop.rolling) {
        EXPECT_GT(min_speed * 3.6, config.truth.stop_threshold_kmh) << "trip " << k;
        EXPECT_TRUE(reported) << "trip " << k;
        ++rolled;
      } else {
        EXPECT_EQ(min_speed, 0.0) << "trip " << k;
        EXPECT_FALSE(reported) << "trip " << k;
        ++full_stops;
      }
    }
  }
  EXPECT_GT(full_stops, 5u);
  EXPECT_GT(rolled, 5u);
}

TEST_F(KinematicsTest, GpsFixesFollowTheMotionAtTheRequestedRate) {
  SimConfig config;
  config.gps.hz = 0.2;
  config.gps.dropout_rate = 0;
  const auto trip = simulate_trip(town(), config, 1);
  ASSERT_TRUE(trip);
  ASSERT_GT(trip->fixes.size(), 10u);
  for (size_t i = 1; i < trip->fixes.size(); ++i) EXPECT_NEAR(trip->fixes[i].time_s - trip->fixes[i - 1].time_s, 5.0, 1e-9);
  EXPECT_LE(trip->fixes.back().time_s, trip->drive.profile.duration_s());
}

}  // namespace
}  // namespace drivelog::sim
