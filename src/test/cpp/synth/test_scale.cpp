#include "synth/scale.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace drivelog::synth {
namespace {

TEST(SynthScale, NamedScalesHaveTheirShapes) {
  const auto small = plan_scale("small", 5);
  EXPECT_EQ(small.layout.tiles_x * small.layout.tiles_y, 1);
  EXPECT_TRUE(small.layout.showcase);
  EXPECT_EQ(small.layout.seed, 5u);
  const auto city = plan_scale("city", 5);
  EXPECT_EQ(city.layout.tiles_x * city.layout.tiles_y, 1);
  EXPECT_GT(city.layout.main_town_lines, small.layout.main_town_lines);
  const auto country = plan_scale("country", 5);
  EXPECT_EQ(country.target_map_bytes, kCountryMapBytes);
  EXPECT_GE(country.target_map_bytes, 3'000'000'000ULL);
  EXPECT_GT(country.layout.tiles_x * country.layout.tiles_y, 100);
}

TEST(SynthScale, ByteTargetsAcceptSuffixes) {
  EXPECT_EQ(plan_scale("250000000", 1).target_map_bytes, 250'000'000u);
  EXPECT_EQ(plan_scale("250M", 1).target_map_bytes, 250'000'000u);
  EXPECT_EQ(plan_scale("4G", 1).target_map_bytes, 4'000'000'000u);
  EXPECT_EQ(plan_scale("300k", 1).target_map_bytes, 300'000u);
}

TEST(SynthScale, BadScaleIsRefusedWithAMessageNamingIt) {
  for (const std::string bad : {"huge", "", "12X", "-5", "0", "1.5G", "M"}) {
    try {
      (void)plan_scale(bad, 1);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("'" + bad + "'"), std::string::npos) << e.what();
    }
  }
}

TEST(SynthScale, TileCountGrowsInProportionToTheTarget) {
  const auto tiles = [](uint64_t bytes) {
    const auto p = layout_for_map_bytes(bytes, 1);
    return static_cast<double>(p.tiles_x * p.tiles_y);
  };
  const double ratio = tiles(2'000'000'000) / tiles(500'000'000);
  EXPECT_NEAR(ratio, 4.0, 0.2);
}

TEST(SynthScale, TargetsBelowOneTileShrinkTheTown) {
  const auto tiny = layout_for_map_bytes(50'000, 1);
  const auto bigger = layout_for_map_bytes(400'000, 1);
  EXPECT_EQ(tiny.tiles_x * tiny.tiles_y, 1);
  EXPECT_GT(bigger.main_town_lines, tiny.main_town_lines);
}

}  // namespace
}  // namespace drivelog::synth
