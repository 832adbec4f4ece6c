// map::round_half_away is std::lround: Coord::from_degrees rounds with it; map::geo::fmod_360 is
// std::fmod(x, 360.0): the wrong-way check's heading test wraps with it.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "map/geo.hpp"
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

TEST(Fmod360, IsTheLibrarysFmodForBearingDifferences) {
  const double cases[] = {0.0, -0.0, 359.99999999999994, 360.0, 360.00000000000006, 540.0, 719.9999999999999, 720.0,
                          900.0, 1079.9999999999998, 1080.0, 1440.5, -0.5, -720.25, 1e300,
                          std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()};
  for (const double x : cases) {
    const double expected = std::fmod(x, 360.0), got = geo::fmod_360(x);
    if (std::isnan(expected)) {
      EXPECT_TRUE(std::isnan(got)) << x;
    } else {
      EXPECT_EQ(got, expected) << x;
      EXPECT_EQ(std::signbit(got), std::signbit(expected)) << x;
    }
  }
  std::mt19937_64 random(15);
  std::uniform_real_distribution<double> bearing(0.0, 360.0);
  for (int i = 0; i < 1000000; ++i) {
    const double x = bearing(random) - bearing(random) + 540.0;
    ASSERT_EQ(geo::fmod_360(x), std::fmod(x, 360.0)) << x;
  }
}

}  // namespace
}  // namespace drivelog::map
