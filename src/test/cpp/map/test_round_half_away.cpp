// map::round_half_away is std::lround: Coord::from_degrees rounds with it.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "map/map_types.hpp"

namespace drivelog::map {
namespace {

TEST(RoundHalfAway, IsTheLibrarysLroundOnTiesAndEdges) {
  const double cases[] = {0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
                          0.5000000000000001, 1e-300, -1e-300, 4503599627370495.5, -4503599627370495.5,
                          0x1p52, -0x1p52, 0x1p52 + 1, 1799999999.5, -1799999999.5, 1800000000.4999998};
  for (const double x : cases) EXPECT_EQ(round_half_away(x), std::lround(x)) << x;
  EXPECT_EQ(round_half_away(std::numeric_limits<double>::quiet_NaN()), std::lround(std::numeric_limits<double>::quiet_NaN()));
}

TEST(RoundHalfAway, IsTheLibrarysLroundOnAMillionCoordinates) {
  std::mt19937_64 random(12);
  std::uniform_real_distribution<double> degrees(-180.0, 180.0);
  std::uniform_int_distribution<int64_t> e7(-1800000000, 1800000000);
  for (int i = 0; i < 500000; ++i) {
    const double x = degrees(random) * 1e7;
    ASSERT_EQ(round_half_away(x), std::lround(x)) << x;
    const double tie = static_cast<double>(e7(random)) + 0.5;  // exact halves
    ASSERT_EQ(round_half_away(tie), std::lround(tie)) << tie;
  }
}

}  // namespace
}  // namespace drivelog::map
