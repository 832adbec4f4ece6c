#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "sim/speed_profile.hpp"

namespace drivelog::sim {
namespace {

// 500 m at a 15 m/s cap, a 0-cap stop at 200 m with a 2 s wait, a 5 m/s bend at 350 m.
SpeedProfile sample_profile() {
  const size_t n = 501;
  std::vector<double> cap(n, 15.0), dwell(n, 0.0);
  cap[200] = 0;
  dwell[200] = 2.0;
  cap[350] = 5.0;
  return SpeedProfile(500, 1.0, cap, dwell, 2.0, 3.0);
}

}  // namespace

TEST(SpeedProfile, RespectsCapsAndAccelerationLimits) {
  const auto profile = sample_profile();
  const auto& p = profile.points();
  ASSERT_EQ(p.size(), 501u);
  for (size_t i = 1; i < p.size(); ++i) {
    ASSERT_LE(p[i].speed_mps, 15.0 + 1e-9);
    const double ds = p[i].s_m - p[i - 1].s_m;
    const double accel = (p[i].speed_mps * p[i].speed_mps - p[i - 1].speed_mps * p[i - 1].speed_mps) / (2 * ds);
    ASSERT_LE(accel, 2.0 + 1e-9) << "at " << i;
    ASSERT_GE(accel, -3.0 - 1e-9) << "at " << i;
    ASSERT_GT(p[i].arrive_s, p[i - 1].depart_s);
  }
  EXPECT_EQ(p.front().speed_mps, 0.0);
  EXPECT_EQ(p.back().speed_mps, 0.0);
  EXPECT_EQ(p[200].speed_mps, 0.0);
  EXPECT_NEAR(p[200].depart_s - p[200].arrive_s, 2.0, 1e-12);
  EXPECT_LE(p[350].speed_mps, 5.0);
  EXPECT_NEAR(p[100].speed_mps, 15.0, 1e-9);  // cruising between start and stop
}

TEST(SpeedProfile, StateAtTimeIsContinuousAndMonotone) {
  const auto profile = sample_profile();
  double last_s = 0;
  for (double t = 0; t <= profile.duration_s(); t += 0.05) {
    const auto state = profile.at(t);
    ASSERT_GE(state.s_m, last_s - 1e-9);
    ASSERT_LE(state.s_m - last_s, 15.0 * 0.05 + 1e-6);  // never faster than the cap
    ASSERT_GE(state.speed_mps, 0.0);
    last_s = state.s_m;
  }
  EXPECT_NEAR(profile.at(profile.duration_s()).s_m, 500.0, 1e-9);
  // Standing at the stop for its whole wait.
  const auto& stop = profile.points()[200];
  EXPECT_NEAR(profile.at((stop.arrive_s + stop.depart_s) / 2).s_m, 200.0, 1e-9);
  EXPECT_EQ(profile.at((stop.arrive_s + stop.depart_s) / 2).speed_mps, 0.0);
}

TEST(SpeedProfile, TimeAtInvertsPosition) {
  const auto profile = sample_profile();
  for (double s : {10.0, 123.4, 199.0, 250.0, 499.0}) {
    EXPECT_NEAR(profile.at(profile.time_at(s)).s_m, s, 0.05) << s;
  }
}

TEST(SpeedProfile, RejectsBadInput) {
  EXPECT_THROW(SpeedProfile(10, 1.0, {1.0}, {0.0}, 1, 1), std::invalid_argument);
  EXPECT_THROW(SpeedProfile(10, 1.0, {1.0, 1.0}, {0.0}, 1, 1), std::invalid_argument);
  EXPECT_THROW(SpeedProfile(10, 1.0, {1.0, 1.0}, {0.0, 0.0}, 0, 1), std::invalid_argument);
}

}  // namespace drivelog::sim
