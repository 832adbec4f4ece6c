// PositionReversals: where, without usable headings, the fixes' own course shows the car turning round.
#include "match/position_reversals.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "map/geo.hpp"

namespace drivelog::match {
namespace {

constexpr double kMetersPerDegLat = map::geo::kEarthRadiusMeters * map::geo::kDegToRad;

// One fix a second at the given metres north of a point, accuracy 5 m, nothing else reported.
std::vector<TracePoint> trace(const std::vector<double>& north_m) {
  std::vector<TracePoint> out;
  for (std::size_t i = 0; i < north_m.size(); ++i) {
    TracePoint p;
    p.time_s = 1000.0 + static_cast<double>(i);
    p.lat = 51.45 + north_m[i] / kMetersPerDegLat;
    p.lon = -2.59;
    p.speed_mps = NAN;
    p.heading_deg = NAN;
    p.accuracy_m = 5;
    out.push_back(p);
  }
  return out;
}

// PositionReversals reads the trace it indexed when asked: the trace must outlive it (a temporary
// passed here was read after it was freed, which AddressSanitizer caught in CI).
struct Indexed {
  explicit Indexed(std::vector<TracePoint>&& t, bool used = true) = delete;
  explicit Indexed(const std::vector<TracePoint>& t, bool used = true) {
    sigmas.compute(t, MatchConfig{});
    reversals.index(t, sigmas, used);
  }
  FixSigmas sigmas;
  PositionReversals reversals;
};

}  // namespace

TEST(PositionReversals, fixesThatComeBackTheWayTheyWentAreAReversal) {
  // North at 6 m/s for 6 s, round at 36 m, south again.
  const auto t = trace({0, 6, 12, 18, 24, 30, 36, 30, 24, 18, 12, 6, 0});
  const Indexed i(t);
  EXPECT_TRUE(i.reversals.reversed(5, 6));
  EXPECT_TRUE(i.reversals.reversed(6, 7));
  EXPECT_FALSE(i.reversals.reversed(1, 2));   // not yet a course back
  EXPECT_FALSE(i.reversals.reversed(10, 11));
  EXPECT_FALSE(Indexed(t, false).reversals.reversed(6, 7));  // headings say it: not asked
}

TEST(PositionReversals, aStraightDriveIsNone) {
  const auto t = trace({0, 8, 16, 24, 32, 40, 48, 56, 64, 72});
  const Indexed i(t);
  for (uint32_t k = 0; k + 1 < t.size(); ++k) EXPECT_FALSE(i.reversals.reversed(k, k + 1)) << k;
}

TEST(PositionReversals, fixesOfAStandingCarJitteringBackAndForthAreNone) {
  // Within the noise (5 m): no course either side.
  const auto t = trace({0, 4, -3, 5, -4, 3, -5, 4, -2, 5, -4});
  const Indexed i(t);
  for (uint32_t k = 0; k + 1 < t.size(); ++k) EXPECT_FALSE(i.reversals.reversed(k, k + 1)) << k;
}

TEST(PositionReversals, aTurnRoundFollowedByAWaitIsOneAcrossTheWait) {
  // North at 6 m/s, round at 36 m, 20 s standing there (jitter within the noise), then south: within
  // kWindowS of the turn the waiting car makes no course, the one it leaves by shows the turn.
  std::vector<double> north = {0, 6, 12, 18, 24, 30, 36};
  for (int k = 0; k < 20; ++k) north.push_back(36 + (k % 2 == 0 ? 2.0 : -2.0));
  for (double m = 30; m >= 0; m -= 6) north.push_back(m);
  const auto t = trace(north);
  const Indexed i(t);
  EXPECT_TRUE(i.reversals.reversed(6, 7));    // round, then the wait
  EXPECT_TRUE(i.reversals.reversed(15, 16));  // within the wait
  EXPECT_TRUE(i.reversals.reversed(25, 26));  // the wait, then away
  EXPECT_FALSE(i.reversals.reversed(1, 2));
}

TEST(PositionReversals, aWaitAtASignalThenOnIsNone) {
  // North, 20 s standing, north again: the courses either side of the wait agree.
  std::vector<double> north = {0, 6, 12, 18, 24, 30, 36};
  for (int k = 0; k < 20; ++k) north.push_back(36 + (k % 2 == 0 ? 2.0 : -2.0));
  for (double m = 42; m <= 72; m += 6) north.push_back(m);
  const auto t = trace(north);
  const Indexed i(t);
  for (uint32_t k = 0; k + 1 < north.size(); ++k) EXPECT_FALSE(i.reversals.reversed(k, k + 1)) << k;
}

}  // namespace drivelog::match
