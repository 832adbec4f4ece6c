// CourseVector remembers the last course: its answers are always those of sin and cos.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <random>

#include "map/geo.hpp"
#include "match/course_vector.hpp"

namespace drivelog::match {
namespace {

void expect_exact(CourseVector& v, float heading_deg) {
  EXPECT_EQ(std::bit_cast<uint64_t>(v.east(heading_deg)), std::bit_cast<uint64_t>(std::sin(heading_deg * map::geo::kDegToRad)))
      << heading_deg;
  EXPECT_EQ(std::bit_cast<uint64_t>(v.north(heading_deg)), std::bit_cast<uint64_t>(std::cos(heading_deg * map::geo::kDegToRad)))
      << heading_deg;
}

TEST(CourseVector, RepeatedAndChangingCoursesGetSinAndCosBitForBit) {
  CourseVector v;
  for (const float h : {90.0F, 90.0F, 0.0F, -0.0F, -0.0F, 0.0F, 359.9F, 359.9F, 180.0F, 90.0F}) expect_exact(v, h);
  std::mt19937 random(3);
  std::uniform_real_distribution<float> course(0.0F, 360.0F);
  for (int i = 0; i < 10000; ++i) {
    const float h = course(random);
    expect_exact(v, h);
    expect_exact(v, h);
  }
}

}  // namespace
}  // namespace drivelog::match
