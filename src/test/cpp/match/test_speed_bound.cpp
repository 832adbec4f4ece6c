#include "match/speed_bound.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace drivelog::match {
namespace {

constexpr double kMetersPerDegLat = 111195.0;

double metres(const TracePoint& a, const TracePoint& b) {
  return std::hypot((a.lat - b.lat) * kMetersPerDegLat, (a.lon - b.lon) * kMetersPerDegLat);  // at the equator
}

// A car at `speed_mps` along the equator and back after `turn_after` fixes, 1 Hz, a wandering error
// (first-order Gauss-Markov, 5 m, 30 s) on each axis; no speed column.
std::vector<TracePoint> drive(double speed_mps, int fixes, int turn_after, uint32_t seed) {
  std::mt19937 random(seed);
  std::normal_distribution<double> gauss(0.0, 1.0);
  const double rho = std::exp(-1.0 / 30), innovation = std::sqrt(1 - rho * rho);
  double east = 5 * gauss(random), north = 5 * gauss(random), x = 0;
  std::vector<TracePoint> points;
  for (int k = 0; k < fixes; ++k) {
    east = rho * east + innovation * 5 * gauss(random);
    north = rho * north + innovation * 5 * gauss(random);
    TracePoint p;
    p.time_s = 1795161600.0 + k;
    p.lat = north / kMetersPerDegLat;
    p.lon = (x + east) / kMetersPerDegLat;
    p.speed_mps = NAN;
    p.heading_deg = NAN;
    p.accuracy_m = 5;
    points.push_back(p);
    x += k < turn_after ? speed_mps : -speed_mps;
  }
  return points;
}

}  // namespace

TEST(SpeedBound, isALowerBoundOfTheSpeedUnderAWanderingError) {
  // 2,000 fixes at 15 m/s: the bound is never above the true speed by more than the rare tail of
  // the error, and it is close to it (the error carried over from fix to fix hardly moves the line).
  const MatchConfig config;
  SpeedBound bound;
  int known = 0, over = 0;
  double sum = 0;
  for (uint32_t seed = 1; seed <= 10; ++seed) {
    const std::vector<TracePoint> trace = drive(15, 200, 1000, seed);
    bound.compute(trace, config, 0.0, metres);
    for (std::size_t i = 0; i < trace.size(); ++i) {
      const float v = bound.lowest_mps(i);
      if (std::isnan(v)) continue;
      ++known;
      sum += v;
      if (v > 15) ++over;
    }
  }
  EXPECT_GT(known, 1800);
  EXPECT_LE(over, known / 100);
  EXPECT_GT(sum / known, 13.5);
}

TEST(SpeedBound, independentErrorsWidenTheMargin) {
  const MatchConfig config;
  const std::vector<TracePoint> trace = drive(15, 40, 1000, 3);
  SpeedBound correlated, independent;
  correlated.compute(trace, config, 0.0, metres);
  independent.compute(trace, config, 1.0, metres);
  EXPECT_LT(independent.lowest_mps(20), correlated.lowest_mps(20));
}

TEST(SpeedBound, turningRoundOrReportedSpeedsOrGapsGiveNoBound) {
  const MatchConfig config;
  SpeedBound bound;
  // Out and back through the window: the line between its ends is short, the bound low or none.
  std::vector<TracePoint> trace = drive(15, 40, 20, 4);
  bound.compute(trace, config, 0.0, metres);
  EXPECT_TRUE(std::isnan(bound.lowest_mps(20)) || bound.lowest_mps(20) < 5);
  // A fix with its own speed needs no bound; nor do the first and last fixes (no window).
  trace = drive(15, 40, 1000, 4);
  trace[20].speed_mps = 15;
  bound.compute(trace, config, 0.0, metres);
  EXPECT_TRUE(std::isnan(bound.lowest_mps(20)));
  EXPECT_TRUE(std::isnan(bound.lowest_mps(0)));
  EXPECT_TRUE(std::isnan(bound.lowest_mps(39)));
  EXPECT_FALSE(std::isnan(bound.lowest_mps(21)));
  // A receiver gap inside the window: the window spans too long to say.
  trace = drive(15, 40, 1000, 4);
  for (std::size_t i = 21; i < trace.size(); ++i) trace[i].time_s += 30;
  bound.compute(trace, config, 0.0, metres);
  EXPECT_TRUE(std::isnan(bound.lowest_mps(20)));
}

}  // namespace drivelog::match
