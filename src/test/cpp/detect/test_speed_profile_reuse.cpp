// detect::SpeedProfile sizes its columns for each trip without zeroing them first (every entry is
// written): a profile built before for another trip must answer exactly as a fresh one.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "detect/speed_profile.hpp"

namespace drivelog::detect {
namespace {

// `n` fixes 1 s apart, 10 m apart along one traversal; every third without a reported speed when
// `gaps` (its speed then derived from the path), the rest reporting `mps`.
struct Trip {
  std::vector<match::TracePoint> trace;
  match::MatchResult match;
};
Trip trip(std::size_t n, bool gaps, float mps) {
  Trip t;
  t.match.traversals.push_back(match::Traversal{0, true, 0, 0, 0, static_cast<float>(10 * n)});
  for (std::size_t i = 0; i < n; ++i) {
    match::TracePoint p;
    p.time_s = static_cast<double>(i);
    p.speed_mps = gaps && i % 3 == 0 ? NAN : mps + static_cast<float>(i % 5);
    t.trace.push_back(p);
    t.match.points.push_back(match::PointMatch{match::PointKind::kept, 0, 10.0 * static_cast<double>(i)});
  }
  return t;
}

void expect_same(const SpeedProfile& reused, const SpeedProfile& fresh) {
  ASSERT_EQ(reused.matched(), fresh.matched());
  for (std::size_t k = 0; k < fresh.matched().size(); ++k) {
    EXPECT_EQ(reused.derived_at(k), fresh.derived_at(k)) << k;
    EXPECT_EQ(reused.speed_mps_at(k), fresh.speed_mps_at(k)) << k;
    EXPECT_EQ(reused.smoothed_mps_at(k), fresh.smoothed_mps_at(k)) << k;
    EXPECT_EQ(reused.s_at(k), fresh.s_at(k)) << k;
    EXPECT_EQ(reused.time_at(k), fresh.time_at(k)) << k;
  }
}

TEST(SpeedProfileReuse, AProfileBuiltForAnotherTripAnswersAsAFreshOne) {
  SpeedProfile reused;
  // Longer trips with derived speeds first, then shorter ones with every speed reported, and back.
  const Trip trips[] = {trip(60, true, 8), trip(40, false, 12), trip(70, false, 5), trip(25, true, 9), trip(25, false, 3)};
  for (const Trip& t : trips) {
    reused.build(t.trace, t.match, 5.0);
    SpeedProfile fresh;
    fresh.build(t.trace, t.match, 5.0);
    expect_same(reused, fresh);
  }
}

}  // namespace
}  // namespace drivelog::detect
