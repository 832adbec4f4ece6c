// CourseReversals: where the reported headings show the car turning round.
#include "match/course_reversals.hpp"

#include <gtest/gtest.h>

#include <cmath>
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
  CourseReversals r;
  r.index(t, MatchConfig{}, trusted);
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

}  // namespace drivelog::match
