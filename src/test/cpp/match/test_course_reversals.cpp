// CourseReversals: where the reported headings show the car turning round.
#include "match/course_reversals.hpp"
#include "match/match_config.hpp"
#include "match/usable_headings.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "map/geo.hpp"
#include <vector>

namespace drivelog::match {
namespace {

// One fix a second; NaN heading: none reported.
std::vector<TracePoint> trace(const std::vector<float>& headings, const std::vector<float>& speeds) {
  std::vector<TracePoint> out;
  for (std::size_t i = 0; i < headings.size(); ++i) {
    TracePoint p;
    p.time_s = 1000.0 + static_cast<double>(i);
    p.heading_deg = headings[i];
    p.speed_mps = speeds[i];
    out.push_back(p);
  }
  return out;
}

CourseReversals indexed(const std::vector<TracePoint>& t, bool trusted = true) {
  std::vector<uint8_t> usable;
  mark_usable_headings(t, SpeedBound{}, MatchConfig{}.heading_min_speed_mps, usable);
  CourseReversals r;
  r.index(t, usable, trusted);
  return r;
}

}  // namespace

TEST(CourseReversals, aCourseThatComesBackTheOtherWayIsAReversal) {
  const auto t = trace({90, 92, 270, 268}, {8, 6, 6, 8});
  const CourseReversals r = indexed(t);
  EXPECT_TRUE(r.reversed(1, 2));
  EXPECT_FALSE(r.reversed(0, 1));
  EXPECT_FALSE(r.reversed(2, 3));
}

TEST(CourseReversals, aRightAngleIsNotAReversal) {
  // A left turn, forbidden or not: the headings never face back.
  const auto t = trace({0, 10, 280, 270}, {8, 6, 6, 8});
  EXPECT_FALSE(indexed(t).reversed(1, 2));
}

TEST(CourseReversals, slowCoursesAreSkippedForTheNearestUsableOnes) {
  // Turning round at walking pace: the courses while slow are noise; those either side decide.
  const auto t = trace({90, 45, 300, 200, 270}, {8, 1, 0.5F, 1, 8});
  const CourseReversals r = indexed(t);
  EXPECT_TRUE(r.reversed(1, 3));
  EXPECT_TRUE(r.reversed(2, 2));
}

TEST(CourseReversals, usableCoursesTooFarAwayOrUntrustedSayNothing) {
  std::vector<float> headings(40, NAN), speeds(40, 0);
  headings.front() = 90;
  speeds.front() = 8;
  headings.back() = 270;
  speeds.back() = 8;
  const auto far = trace(headings, speeds);
  EXPECT_FALSE(indexed(far).reversed(20, 20));  // 39 s apart
  const auto near = trace({90, 270}, {8, 8});
  EXPECT_TRUE(indexed(near).reversed(0, 1));
  EXPECT_FALSE(indexed(near, false).reversed(0, 1));
}

TEST(CourseReversals, oppositeCoursesAcrossAReceiverGapSayNothing) {
  // East before a 23 s gap, west after it: the road may bend round behind the gap (Harrisburg, a
  // correlated drive: read as a U-turn, the car was put against a one-way for the gap's length).
  auto t = trace({85, 85, 264, 265}, {20, 21, 14, 11});
  t[2].time_s = t[1].time_s + 23;
  t[3].time_s = t[2].time_s + 1;
  EXPECT_FALSE(indexed(t).reversed(1, 2));
}

TEST(CourseReversals, headingsWithoutSpeedsCountWhereThePositionsShowTheCarMoving) {
  // A log with a heading column and no speed column: east at 10 m/s for 12 s, round in 4 s, west
  // at 10 m/s for 12 s, then standing 20 s (its receiver keeps the last course). Counted only with a
  // reported speed, none of these headings was usable and the turn went unseen.
  std::vector<TracePoint> t;
  double east_m = 0;
  const auto add = [&](double heading) {
    TracePoint p;
    p.time_s = 1000.0 + static_cast<double>(t.size());
    p.lat = 35.0;
    p.lon = 139.0 + east_m / (111320.0 * std::cos(35.0 * map::geo::kDegToRad));
    p.heading_deg = static_cast<float>(heading);
    p.speed_mps = NAN;
    p.accuracy_m = 5;
    t.push_back(p);
  };
  for (int i = 0; i < 12; ++i, east_m += 10) add(90);
  for (int i = 0; i < 4; ++i) add(90 + 45.0 * (i + 1));
  for (int i = 0; i < 12; ++i, east_m -= 10) add(270);
  for (int i = 0; i < 20; ++i) add(270);
  const MatchConfig config;
  SpeedBound bound;
  bound.compute(t, config, 1.0, [](const TracePoint& a, const TracePoint& b) {
    return map::geo::distance_m(a.lat, a.lon, b.lat, b.lon);
  });
  std::vector<uint8_t> usable;
  mark_usable_headings(t, bound, config.heading_min_speed_mps, usable);
  EXPECT_EQ(usable[6], 1);   // driving east
  EXPECT_EQ(usable[22], 1);  // driving west
  EXPECT_EQ(usable[36], 0);  // standing: the positions do not move
  CourseReversals r;
  r.index(t, usable, true);
  EXPECT_TRUE(r.reversed(11, 16));
  // Where a speed is reported it decides, whatever the positions show.
  for (TracePoint& p : t) p.speed_mps = 1;
  mark_usable_headings(t, bound, config.heading_min_speed_mps, usable);
  EXPECT_EQ(usable[6], 0);
}

}  // namespace drivelog::match
