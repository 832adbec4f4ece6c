#include <gtest/gtest.h>

#include "osm/road_structure.hpp"

namespace drivelog::osm {
namespace {

using map::RoadUse;
namespace flags = map::edge_flags;

TEST(RoadStructure, UntaggedRoadIsOnTheGroundForGeneralUse) {
  const RoadStructure s = interpret_structure(Tags{{"highway", "residential"}});
  EXPECT_EQ(s.flags, 0);
  EXPECT_EQ(s.layer, 0);
  EXPECT_EQ(s.use, RoadUse::general);
  EXPECT_FALSE(s.invalid.has_value());
}

TEST(RoadStructure, BridgesAndTunnelsWithoutLayerAreOneLevelUpOrDown) {
  EXPECT_EQ(interpret_structure(Tags{{"bridge", "yes"}}).layer, 1);
  EXPECT_EQ(interpret_structure(Tags{{"bridge", "viaduct"}}).flags, flags::kBridge);
  EXPECT_EQ(interpret_structure(Tags{{"tunnel", "yes"}}).layer, -1);
  EXPECT_EQ(interpret_structure(Tags{{"tunnel", "building_passage"}}).flags, flags::kTunnel);
  EXPECT_EQ(interpret_structure(Tags{{"bridge", "no"}}).flags, 0);
  EXPECT_EQ(interpret_structure(Tags{{"bridge", "no"}}).layer, 0);
}

TEST(RoadStructure, LayerTagWins) {
  EXPECT_EQ(interpret_structure(Tags{{"bridge", "yes"}, {"layer", "2"}}).layer, 2);
  EXPECT_EQ(interpret_structure(Tags{{"tunnel", "yes"}, {"layer", "-3"}}).layer, -3);
  EXPECT_EQ(interpret_structure(Tags{{"layer", "+1"}}).layer, 1);
  EXPECT_EQ(interpret_structure(Tags{{"layer", " -1 "}}).layer, -1);
}

TEST(RoadStructure, InvalidLayerIsReportedAndIgnored) {
  for (const char* bad : {"1;0", "high", "7", "-6", "1.5", ""}) {
    const RoadStructure s = interpret_structure(Tags{{"bridge", "yes"}, {"layer", bad}});
    EXPECT_EQ(s.layer, 1) << bad;  // as if untagged
    ASSERT_TRUE(s.invalid.has_value()) << bad;
    EXPECT_EQ(s.invalid->first, "layer");
    EXPECT_EQ(s.invalid->second, bad);
  }
}

TEST(RoadStructure, ServiceUsesAreKept) {
  EXPECT_EQ(interpret_structure(Tags{{"service", "parking_aisle"}}).use, RoadUse::parking_aisle);
  EXPECT_EQ(interpret_structure(Tags{{"service", "driveway"}}).use, RoadUse::driveway);
  EXPECT_EQ(interpret_structure(Tags{{"service", "alley"}}).use, RoadUse::alley);
  EXPECT_EQ(interpret_structure(Tags{{"service", "drive-through"}}).use, RoadUse::drive_through);
  EXPECT_EQ(interpret_structure(Tags{{"service", "emergency_access"}}).use, RoadUse::general);
}

}  // namespace
}  // namespace drivelog::osm
