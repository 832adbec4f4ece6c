#include "match/error_share.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace drivelog::match {
namespace {

constexpr double kMetersPerDegLat = 111195.0;

// A car driving north at 10 m/s, fixes each second with independent noise `white_m` per axis and a
// slowly wandering error (first-order Gauss-Markov, `wander_m`, time constant 30 s) on top.
std::vector<TracePoint> trace(double white_m, double wander_m, uint32_t seed) {
  std::mt19937 random(seed);
  std::normal_distribution<double> gauss(0.0, 1.0);
  const double rho = std::exp(-1.0 / 30), innovation = std::sqrt(1 - rho * rho);
  double east = wander_m * gauss(random), north = wander_m * gauss(random);
  std::vector<TracePoint> points;
  for (int k = 0; k < 300; ++k) {
    east = rho * east + innovation * wander_m * gauss(random);
    north = rho * north + innovation * wander_m * gauss(random);
    TracePoint p;
    p.time_s = 1795161600.0 + k;
    p.lat = 48.0 + (10.0 * k + north + white_m * gauss(random)) / kMetersPerDegLat;
    p.lon = 11.0 + (east + white_m * gauss(random)) / (kMetersPerDegLat * std::cos(48.0 * 3.14159265358979 / 180));
    p.speed_mps = 10;
    p.heading_deg = 0;
    p.accuracy_m = 5;
    points.push_back(p);
  }
  return points;
}

// The share estimated with each fix's sigma as the matcher steadies it.
double estimate(ErrorShare& share, std::span<const TracePoint> points) {
  FixSigmas sigmas;
  sigmas.compute(points, MatchConfig{});
  return share.estimate(points, sigmas);
}

TEST(ErrorShare, independentErrorsAreAllNewFromFixToFix) {
  ErrorShare share;
  for (uint32_t seed = 1; seed <= 5; ++seed) EXPECT_NEAR(estimate(share, trace(5, 0, seed)), 1.0, 0.2) << seed;
}

TEST(ErrorShare, aWanderingErrorIsMostlyCarriedOver) {
  ErrorShare share;
  for (uint32_t seed = 1; seed <= 5; ++seed) EXPECT_LT(estimate(share, trace(0.5, 5, seed)), 0.1) << seed;
}

TEST(ErrorShare, halfAndHalfIsInBetween) {
  ErrorShare share;
  const double half = estimate(share, trace(5 / std::sqrt(2.0), 5 / std::sqrt(2.0), 7));
  EXPECT_GT(half, 0.3);
  EXPECT_LT(half, 0.8);
}

TEST(ErrorShare, tooFewRegularFixesLeaveTheConfiguredCorrelationToDecide) {
  std::vector<TracePoint> sparse = trace(5, 0, 1);
  for (std::size_t k = 0; k < sparse.size(); ++k) sparse[k].time_s += 4.0 * static_cast<double>(k);  // 0.2 Hz
  ErrorShare share;
  EXPECT_EQ(estimate(share, sparse), 0.0);
  const std::vector<TracePoint> full = trace(5, 0, 1);
  EXPECT_EQ(estimate(share, std::span<const TracePoint>(full).first(10)), 0.0);
}

}  // namespace
}  // namespace drivelog::match
