// detect::SpeedProfile's derived speeds count only the path the fixes observed.
#include "detect/speed_profile.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "map/geo.hpp"

namespace drivelog::detect {
namespace {

constexpr double kMetersPerDegLat = map::geo::kEarthRadiusMeters * map::geo::kDegToRad;

// Fixes 1 s apart, 10 m apart due north, no reported speed, accuracy 5 m; their path distance is
// theirs but for `extra_m` of route added between fix `at` and the next one.
struct Trip {
  std::vector<match::TracePoint> trace;
  match::MatchResult match;
};
Trip drive_north(std::size_t n, std::size_t at, double extra_m) {
  Trip t;
  const double length_m = 10.0 * static_cast<double>(n) + extra_m;
  t.match.traversals.push_back(match::Traversal{0, true, 0, 0, 0, static_cast<float>(length_m)});
  for (std::size_t i = 0; i < n; ++i) {
    match::TracePoint p;
    p.time_s = static_cast<double>(i);
    p.lat = 51.45 + 10.0 * static_cast<double>(i) / kMetersPerDegLat;
    p.lon = -2.59;
    p.speed_mps = NAN;
    p.heading_deg = NAN;
    p.accuracy_m = 5;
    t.trace.push_back(p);
    const double s = 10.0 * static_cast<double>(i) + (i > at ? extra_m : 0.0);
    t.match.points.push_back(match::PointMatch{match::PointKind::kept, 0, s});
  }
  return t;
}

TEST(SpeedProfile, derivedSpeedFollowsThePathTheFixesDrove) {
  const Trip t = drive_north(12, 5, 0);
  SpeedProfile sp;
  sp.build(t.trace, t.match, 3.0);
  for (std::size_t k = 0; k < sp.matched().size(); ++k) {
    EXPECT_TRUE(sp.derived_at(k));
    EXPECT_NEAR(sp.speed_mps_at(k), 10.0, 0.05) << k;
  }
}

TEST(SpeedProfile, routeNoFixSawIsNoSpeed) {
  // 100 m of route between two fixes 10 m and 1 s apart (the matcher joined a block the fixes
  // were never on): 110 m/s from the path, 10 m/s from the fixes, which is what they observed.
  const Trip t = drive_north(12, 5, 100);
  SpeedProfile sp;
  sp.build(t.trace, t.match, 3.0);
  for (std::size_t k = 0; k < sp.matched().size(); ++k) {
    EXPECT_NEAR(sp.speed_mps_at(k), 10.0, 0.05) << k;
    EXPECT_LT(sp.smoothed_mps_at(k), 10.1) << k;
  }
  // The path distances themselves stay the matcher's (where the car was, for the other rules).
  EXPECT_DOUBLE_EQ(sp.s_at(6) - sp.s_at(5), 110.0);
}

TEST(SpeedProfile, routeWithinTheFixesNoiseStillCounts) {
  // 15 m more path than the fixes' straight line over a second (a corner cut, a fix placed along
  // the road): within their noise (4 sigma of the pair, 28 m), so the path's speed stands.
  const Trip t = drive_north(12, 5, 15);
  SpeedProfile sp;
  sp.build(t.trace, t.match, 3.0);
  EXPECT_NEAR(sp.speed_mps_at(5), 17.5, 0.05);
  EXPECT_NEAR(sp.speed_mps_at(6), 17.5, 0.05);
}

}  // namespace
}  // namespace drivelog::detect
