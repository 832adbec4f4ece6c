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

TEST(Oneway, EachClassReadsItsOwnKeysFirst) {
  using map::VehicleClass;
  const Tags tags{{"oneway", "yes"}, {"oneway:bus", "no"}, {"oneway:goods", "-1"}, {"oneway:bicycle", "no"}};
  const Oneway car = interpret_oneway(tags, RoadClass::residential, VehicleClass::car);
  EXPECT_TRUE(car.forward && !car.backward);
  EXPECT_EQ(car.decided_by, "oneway");
  const Oneway bus = interpret_oneway(tags, RoadClass::residential, VehicleClass::bus);
  EXPECT_TRUE(bus.forward && bus.backward);
  EXPECT_EQ(bus.decided_by, "oneway:bus");
  const Oneway hgv = interpret_oneway(tags, RoadClass::residential, VehicleClass::hgv);
  EXPECT_TRUE(!hgv.forward && hgv.backward);
  EXPECT_EQ(hgv.decided_by, "oneway:goods");
  EXPECT_EQ(interpret_oneway(tags, RoadClass::residential, VehicleClass::motorcycle).decided_by, "oneway");
  // oneway:motorcar is the car's only; oneway:motor_vehicle every class's.
  EXPECT_TRUE(interpret_oneway(Tags{{"oneway:motorcar", "yes"}}, RoadClass::residential, VehicleClass::hgv).backward);
  EXPECT_FALSE(interpret_oneway(Tags{{"oneway:motor_vehicle", "yes"}}, RoadClass::residential, VehicleClass::bus).backward);
  // Implied: named by the tag that implies it.
  EXPECT_EQ(interpret_oneway(Tags{}, RoadClass::motorway, VehicleClass::bus).decided_by, "highway");
  EXPECT_EQ(interpret_oneway(Tags{{"junction", "roundabout"}}, RoadClass::primary, VehicleClass::hgv).decided_by, "junction");
}

TEST(Oneway, AClassKeyWeCannotReadLeavesTheNextKeyToDecide) {
  const Oneway hgv = interpret_oneway(Tags{{"oneway", "yes"}, {"oneway:hgv", "maybe"}}, RoadClass::residential, map::VehicleClass::hgv);
  EXPECT_FALSE(hgv.backward);
  EXPECT_EQ(hgv.decided_by, "oneway");
  EXPECT_FALSE(hgv.invalid_key.has_value());
}

TEST(Oneway, AnUnreadableKeyTheCarReadsTooIsTwoWayForEveryClass) {
  // On a motorway (one-way by implication), `oneway=yes;no` makes the car's way two-way; a lorry or
  // a bus judged by the same value must not fall back on the implication.
  for (const map::VehicleClass cls : {map::VehicleClass::car, map::VehicleClass::hgv, map::VehicleClass::bus,
                                      map::VehicleClass::motorcycle}) {
    for (const char* key : {"oneway", "oneway:motor_vehicle"}) {
      const Oneway o = interpret_oneway(Tags{{key, "yes;no"}}, RoadClass::motorway, cls);
      EXPECT_TRUE(o.forward && o.backward) << key << " class " << static_cast<int>(cls);
      EXPECT_FALSE(o.implicit) << key << " class " << static_cast<int>(cls);
    }
  }
  // The class's own key unreadable, the shared one unreadable too: two-way, not the implication.
  const Oneway hgv = interpret_oneway(Tags{{"oneway:hgv", "maybe"}, {"oneway", "yes;no"}}, RoadClass::motorway,
                                      map::VehicleClass::hgv);
  EXPECT_TRUE(hgv.forward && hgv.backward);
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
