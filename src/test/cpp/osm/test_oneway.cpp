#include <gtest/gtest.h>

#include "osm/oneway.hpp"

namespace drivelog::osm {
namespace {

using map::RoadClass;

TEST(Oneway, YesValuesAllowForwardOnly) {
  for (const char* v : {"yes", "true", "1"}) {
    const Oneway o = interpret_oneway(Tags{{"oneway", v}}, RoadClass::residential);
    EXPECT_TRUE(o.forward) << v;
    EXPECT_FALSE(o.backward) << v;
    EXPECT_FALSE(o.implicit) << v;
  }
}

TEST(Oneway, MinusOneAndReverseAllowBackwardOnly) {
  for (const char* v : {"-1", "reverse"}) {
    const Oneway o = interpret_oneway(Tags{{"oneway", v}}, RoadClass::residential);
    EXPECT_FALSE(o.forward) << v;
    EXPECT_TRUE(o.backward) << v;
  }
}

TEST(Oneway, ReversibleAndAlternatingAllowBothAndAreFlagged) {
  for (const char* v : {"reversible", "alternating"}) {
    const Oneway o = interpret_oneway(Tags{{"oneway", v}}, RoadClass::primary);
    EXPECT_TRUE(o.forward && o.backward) << v;
    EXPECT_TRUE(o.reversible) << v;
  }
}

TEST(Oneway, RoundaboutsAndMotorwaysImplyOneway) {
  const Oneway roundabout = interpret_oneway(Tags{{"junction", "roundabout"}}, RoadClass::primary);
  EXPECT_FALSE(roundabout.backward);
  EXPECT_TRUE(roundabout.implicit);
  EXPECT_TRUE(roundabout.roundabout);
  EXPECT_FALSE(interpret_oneway(Tags{{"junction", "circular"}}, RoadClass::primary).backward);
  EXPECT_FALSE(interpret_oneway(Tags{}, RoadClass::motorway).backward);
  EXPECT_FALSE(interpret_oneway(Tags{}, RoadClass::motorway_link).backward);
  EXPECT_TRUE(interpret_oneway(Tags{}, RoadClass::trunk).backward);
}

TEST(Oneway, OnewayNoOverridesImplications) {
  const Oneway o = interpret_oneway(Tags{{"junction", "roundabout"}, {"oneway", "no"}}, RoadClass::primary);
  EXPECT_TRUE(o.forward && o.backward);
  EXPECT_TRUE(interpret_oneway(Tags{{"oneway", "no"}}, RoadClass::motorway).backward);
}

TEST(Oneway, CarSpecificKeyWins) {
  const Oneway o = interpret_oneway(Tags{{"oneway", "yes"}, {"oneway:motorcar", "no"}}, RoadClass::residential);
  EXPECT_TRUE(o.backward);
}

TEST(Oneway, GarbageIsReportedAndTreatedAsTwoWay) {
  const Oneway o = interpret_oneway(Tags{{"oneway", "yes please"}}, RoadClass::residential);
  EXPECT_TRUE(o.forward && o.backward);
  ASSERT_TRUE(o.invalid_key.has_value());
  EXPECT_EQ(*o.invalid_key, "oneway");
  EXPECT_EQ(o.invalid_value, "yes please");
}

TEST(Oneway, EdgeFlagsCarryTheResult) {
  const uint16_t f = interpret_oneway(Tags{{"junction", "roundabout"}}, RoadClass::primary).edge_flags();
  EXPECT_EQ(f, map::edge_flags::kForwardAllowed | map::edge_flags::kImplicitOneway | map::edge_flags::kRoundabout);
}

}  // namespace
}  // namespace drivelog::osm
