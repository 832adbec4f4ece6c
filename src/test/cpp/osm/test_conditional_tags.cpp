#include <gtest/gtest.h>

#include <algorithm>

#include "osm/conditional_tags.hpp"

namespace drivelog::osm {
namespace {

using map::ConditionalDirection;
using map::ConditionalKind;
using namespace map::vehicle_bits;
constexpr uint8_t kAll = map::kAllVehicles;

TEST(ConditionalTags, MaxspeedValuesAreNormalisedAsThePlainParserReadsThem) {
  const auto out = interpret_conditional_tags(
      Tags{{"maxspeed:conditional", "20 mph @ (Mo-Fr 07:00-09:00); none @ (Su); signals @ (Sa)"}});
  ASSERT_EQ(out.stored.size(), 1U);
  EXPECT_EQ(out.stored[0].kind, ConditionalKind::maxspeed);
  EXPECT_EQ(out.stored[0].rules, "32.2 @ (Mo-Fr 07:00-09:00); none @ (Su); unknown @ (Sa)");
  EXPECT_EQ(out.stored[0].vehicles, kAll);
  EXPECT_EQ(out.stored[0].direction, ConditionalDirection::both);
  const auto zone = interpret_conditional_tags(Tags{{"maxspeed:conditional", "DE:urban @ (Mo-Fr)"}});
  EXPECT_TRUE(zone.stored.empty());
  ASSERT_EQ(zone.not_understood.size(), 1U);
  EXPECT_EQ(zone.not_understood[0].first, "maxspeed:conditional");
}

TEST(ConditionalTags, DirectionalAndClassKeysBindTheirDirectionAndClass) {
  const auto out = interpret_conditional_tags(Tags{{"maxspeed:forward:conditional", "30 @ (07:00-09:00)"},
                                                   {"maxspeed:hgv:conditional", "60 @ (weight>7.5)"}});
  ASSERT_EQ(out.stored.size(), 2U);
  EXPECT_EQ(out.stored[0].key, "maxspeed:hgv:conditional");
  EXPECT_EQ(out.stored[0].vehicles, kHgv);
  EXPECT_EQ(out.stored[1].key, "maxspeed:forward:conditional");
  EXPECT_EQ(out.stored[1].direction, ConditionalDirection::forward);
  EXPECT_LT(out.stored[0].precedence, out.stored[1].precedence);  // a class's own key is the more specific
}

TEST(ConditionalTags, APlainDirectionalLimitNarrowsABothWaysConditional) {
  const auto out = interpret_conditional_tags(Tags{{"maxspeed:forward", "40"}, {"maxspeed:conditional", "30 @ (Mo-Fr)"}});
  ASSERT_EQ(out.stored.size(), 1U);
  EXPECT_EQ(out.stored[0].direction, ConditionalDirection::backward);  // forward, maxspeed:forward decides
  const auto both = interpret_conditional_tags(
      Tags{{"maxspeed:forward", "40"}, {"maxspeed:backward", "40"}, {"maxspeed:conditional", "30 @ (Mo-Fr)"}});
  EXPECT_TRUE(both.stored.empty());
  EXPECT_EQ(both.shadowed, std::vector<std::string>({"maxspeed:conditional"}));
}

TEST(ConditionalTags, APlainKeyOverridesALessSpecificConditionalOnlyForTheClassesItNames) {
  // motorcar=yes decides for a car; access:conditional still binds a lorry, a bus, a motorcycle.
  const auto out = interpret_conditional_tags(Tags{{"motorcar", "yes"}, {"access:conditional", "no @ (Mo-Su)"}});
  ASSERT_EQ(out.stored.size(), 1U);
  EXPECT_EQ(out.stored[0].vehicles, kAll & ~kCar);
  EXPECT_EQ(out.stored[0].rules, "open @ (24/7); closed @ (Mo-Su)");  // the plain tags below access leave it open
  const auto all = interpret_conditional_tags(Tags{{"motor_vehicle", "yes"}, {"access:conditional", "no @ (Mo-Su)"}});
  EXPECT_TRUE(all.stored.empty());
  EXPECT_EQ(all.shadowed, std::vector<std::string>({"access:conditional"}));
  // hgv=no decides for a lorry; goods:conditional is below it.
  const auto lorry = interpret_conditional_tags(Tags{{"hgv", "no"}, {"goods:conditional", "yes @ (06:00-10:00)"}});
  EXPECT_TRUE(lorry.stored.empty());
}

TEST(ConditionalTags, ClassKeysBindTheirClassesAndReadThePlainTagsBelowThem) {
  const auto out = interpret_conditional_tags(Tags{{"access", "no"},
                                                   {"psv:conditional", "yes @ (Mo-Fr 06:00-20:00)"},
                                                   {"hgv:conditional", "no @ (22:00-06:00)"}});
  ASSERT_EQ(out.stored.size(), 2U);
  EXPECT_EQ(out.stored[0].key, "hgv:conditional");
  EXPECT_EQ(out.stored[0].vehicles, kHgv);
  EXPECT_EQ(out.stored[0].rules, "closed @ (22:00-06:00)");  // access=no below: no `open` default
  EXPECT_EQ(out.stored[1].key, "psv:conditional");
  EXPECT_EQ(out.stored[1].vehicles, kBus);
}

TEST(ConditionalTags, AValueNamingAClassLeavesThatClassUndecided) {
  // Closed to a car at rush hour, open to buses: judged for the car, left out for a bus.
  const auto out = interpret_conditional_tags(Tags{{"motor_vehicle:conditional", "psv @ (Mo-Fr 07:00-09:00)"}});
  ASSERT_EQ(out.stored.size(), 1U);
  EXPECT_EQ(out.stored[0].vehicles, kAll & ~kBus);
}

TEST(ConditionalTags, OnewayConditionalUnderACarOnewayKeyBindsTheOthers) {
  const auto out = interpret_conditional_tags(Tags{{"oneway:motorcar", "yes"}, {"oneway:conditional", "-1 @ (07:00-09:00)"}});
  ASSERT_EQ(out.stored.size(), 1U);
  EXPECT_EQ(out.stored[0].vehicles, kAll & ~kCar);
  EXPECT_EQ(out.stored[0].rules, "backward @ (07:00-09:00)");
}

TEST(ConditionalTags, VehicleWordsNameDrivelogsClasses) {
  EXPECT_EQ(vehicles_named("goods"), kHgv);
  EXPECT_EQ(vehicles_named("psv"), kBus);
  EXPECT_EQ(vehicles_named("vehicle"), kAll);
  EXPECT_EQ(vehicles_named("bicycle"), 0);
}

// Plain per-class keys: a record for the classes whose plain rule is not the car's.
TEST(ConditionalTags, PlainClassAccessIsStoredWhereItDiffersFromTheCars) {
  const auto out = interpret_conditional_tags(Tags{{"highway", "residential"}, {"hgv", "no"}});
  ASSERT_EQ(out.plain.size(), 1U);
  EXPECT_EQ(out.plain[0].key, "hgv");
  EXPECT_EQ(out.plain[0].value, "no");
  EXPECT_EQ(out.plain[0].rules, "closed @ (24/7)");
  EXPECT_EQ(out.plain[0].vehicles, kHgv);
  EXPECT_EQ(out.plain[0].direction, ConditionalDirection::both);
  EXPECT_EQ(out.plain[0].precedence, map::ConditionalRestriction::kPlainPrecedence);
  EXPECT_TRUE(out.stored.empty());
  // The same as the car's: nothing to store (and no record for the car, whose rule is on the edge).
  EXPECT_TRUE(interpret_conditional_tags(Tags{{"motor_vehicle", "no"}, {"hgv", "no"}}).plain.empty());
  EXPECT_TRUE(interpret_conditional_tags(Tags{{"highway", "residential"}, {"hgv", "yes"}}).plain.empty());
  // goods decides for a lorry below hgv, psv for a bus below bus.
  const auto psv = interpret_conditional_tags(Tags{{"psv", "no"}, {"bus", "yes"}, {"goods", "no"}});
  ASSERT_EQ(psv.plain.size(), 1U);
  EXPECT_EQ(psv.plain[0].key, "goods");
  EXPECT_EQ(psv.plain[0].vehicles, kHgv);
}

TEST(ConditionalTags, PlainClassAccessFollowsTheHierarchyAndDirections) {
  // motorcar=no leaves the others open: one record for the lorry (its own key), one for bus and motorcycle.
  const auto out = interpret_conditional_tags(Tags{{"motorcar", "no"}, {"hgv", "yes"}});
  ASSERT_EQ(out.plain.size(), 2U);
  EXPECT_EQ(out.plain[0].key, "hgv");
  EXPECT_EQ(out.plain[0].rules, "open @ (24/7)");
  EXPECT_EQ(out.plain[1].key, "motorcar");
  EXPECT_EQ(out.plain[1].vehicles, kBus | kMotorcycle);
  // A directional class key binds its direction; the general key the other one only where it differs.
  const auto dir = interpret_conditional_tags(Tags{{"hgv:backward", "no"}});
  ASSERT_EQ(dir.plain.size(), 1U);
  EXPECT_EQ(dir.plain[0].direction, ConditionalDirection::backward);
  EXPECT_EQ(dir.plain[0].vehicles, kHgv);
  // motor_vehicle:forward closes that direction to the car too (the edge's flags lose it), and a bus
  // whose own key admits it drives it: a one-way record `both` for every class keeps any entry a
  // no_entry, not also a wrong_way.
  const auto mv = interpret_conditional_tags(Tags{{"motor_vehicle:forward", "no"}, {"bus:forward", "yes"}});
  ASSERT_EQ(mv.plain.size(), 2U);
  EXPECT_EQ(mv.plain[0].key, "motor_vehicle:forward");
  EXPECT_EQ(mv.plain[0].kind, ConditionalKind::access);
  EXPECT_EQ(mv.plain[0].direction, ConditionalDirection::forward);
  EXPECT_EQ(mv.plain[0].vehicles, kCar | kHgv | kMotorcycle);
  EXPECT_EQ(mv.plain[1].kind, ConditionalKind::oneway);
  EXPECT_EQ(mv.plain[1].rules, "both @ (24/7)");
  EXPECT_EQ(mv.plain[1].vehicles, kAll);
  EXPECT_EQ(mv.car_closed_directions, 1U);
}

// Directional plain access for the car (docs/CONDITIONAL.md, "Directions").
TEST(ConditionalTags, TheCarsDirectionalAccessClosesThatDirectionByAccessNotByOneWay) {
  const auto out = interpret_conditional_tags(Tags{{"highway", "residential"}, {"motor_vehicle:backward", "no"}});
  EXPECT_EQ(out.car_closed_directions, 2U);
  ASSERT_EQ(out.plain.size(), 2U);
  EXPECT_EQ(out.plain[0].kind, ConditionalKind::access);
  EXPECT_EQ(out.plain[0].key, "motor_vehicle:backward");
  EXPECT_EQ(out.plain[0].value, "no");
  EXPECT_EQ(out.plain[0].rules, "closed @ (24/7)");
  EXPECT_EQ(out.plain[0].direction, ConditionalDirection::backward);
  EXPECT_EQ(out.plain[0].vehicles, kAll);
  EXPECT_EQ(out.plain[1].kind, ConditionalKind::oneway);
  EXPECT_EQ(out.plain[1].key, "motor_vehicle:backward");  // the tag that made the flags one-way
  EXPECT_EQ(out.plain[1].rules, "both @ (24/7)");
  EXPECT_EQ(out.plain[1].direction, ConditionalDirection::both);
  EXPECT_EQ(out.plain[1].vehicles, kAll);
  // Against a one-way anyway: the one-way decides, nothing stored, the flags as they were.
  const auto oneway = interpret_conditional_tags(Tags{{"oneway", "yes"}, {"motor_vehicle:backward", "no"}, {"hgv:backward", "no"}});
  EXPECT_TRUE(oneway.plain.empty());
  EXPECT_EQ(oneway.car_closed_directions, 0U);
  // access=no + motorcar:forward=yes: the car may drive forward (an `open` record), the flags keep
  // both directions (closed is closed).
  const auto open = interpret_conditional_tags(Tags{{"access", "no"}, {"motorcar:forward", "yes"}});
  EXPECT_EQ(open.car_closed_directions, 0U);
  ASSERT_EQ(open.plain.size(), 1U);
  EXPECT_EQ(open.plain[0].key, "motorcar:forward");
  EXPECT_EQ(open.plain[0].rules, "open @ (24/7)");
  EXPECT_EQ(open.plain[0].vehicles, kCar);
  EXPECT_EQ(open.plain[0].direction, ConditionalDirection::forward);
}

// A one-way that `oneway:conditional` lifts at times: a direction its directional access key
// closes is the one-way's while the one-way holds (a wrong_way) and the access key's while it is
// lifted (a no_entry), so the access record holds at those times only, never not at all.
TEST(ConditionalTags, ADirectionClosedByAccessIsClosedWhileAConditionalLiftsTheOneWay) {
  const Tags hgv{{"oneway", "yes"}, {"oneway:conditional", "no @ (22:00-06:00)"}, {"hgv:backward", "no"}};
  const auto lorry = interpret_conditional_tags(hgv);
  ASSERT_EQ(lorry.plain.size(), 1U);
  EXPECT_EQ(lorry.plain[0].kind, ConditionalKind::access);
  EXPECT_EQ(lorry.plain[0].key, "hgv:backward");
  EXPECT_EQ(lorry.plain[0].value, "no");
  EXPECT_EQ(lorry.plain[0].rules, "closed @ (22:00-06:00)");
  EXPECT_EQ(lorry.plain[0].direction, ConditionalDirection::backward);
  EXPECT_EQ(lorry.plain[0].vehicles, kHgv);
  EXPECT_EQ(lorry.car_closed_directions, 0U);  // the one-way's flags already forbid it
  // For every class alike; the edge's flags stay the one-way's.
  const auto all = interpret_conditional_tags(
      Tags{{"oneway", "yes"}, {"oneway:conditional", "no @ (22:00-06:00)"}, {"motor_vehicle:backward", "no"}});
  ASSERT_EQ(all.plain.size(), 1U);
  EXPECT_EQ(all.plain[0].rules, "closed @ (22:00-06:00)");
  EXPECT_EQ(all.plain[0].vehicles, kAll);
  EXPECT_EQ(all.car_closed_directions, 0U);
  // Reversed at night: backward is allowed (so closed by hgv:backward=no) at night only, forward
  // (closed by hgv:forward=no) by day only.
  const auto reversed =
      interpret_conditional_tags(Tags{{"oneway", "yes"}, {"oneway:conditional", "-1 @ (22:00-06:00)"}, {"hgv:backward", "no"}});
  ASSERT_EQ(reversed.plain.size(), 1U);
  EXPECT_EQ(reversed.plain[0].rules, "closed @ (22:00-06:00)");
  const auto by_day =
      interpret_conditional_tags(Tags{{"oneway", "yes"}, {"oneway:conditional", "-1 @ (22:00-06:00)"}, {"hgv:forward", "no"}});
  ASSERT_EQ(by_day.plain.size(), 1U);
  EXPECT_EQ(by_day.plain[0].rules, "closed @ (24/7); open @ (22:00-06:00)");
  EXPECT_EQ(by_day.plain[0].direction, ConditionalDirection::forward);
  // A two-way street one-way at times: the access key's except while the one-way forbids the direction.
  const auto timed_oneway =
      interpret_conditional_tags(Tags{{"oneway:conditional", "yes @ (07:00-09:00)"}, {"hgv:backward", "no"}});
  ASSERT_EQ(timed_oneway.plain.size(), 1U);
  EXPECT_EQ(timed_oneway.plain[0].rules, "closed @ (24/7); open @ (07:00-09:00)");
  // A class with its own one-way key is not bound by the conditional: its one-way decides at every time.
  EXPECT_TRUE(interpret_conditional_tags(Tags{{"oneway", "yes"}, {"oneway:hgv", "yes"}, {"oneway:conditional", "no @ (22:00-06:00)"},
                                              {"hgv:backward", "no"}})
                  .plain.empty());
}

TEST(ConditionalTags, AConditionalIsShadowedPerDirectionByADirectionalPlainKey) {
  const auto out = interpret_conditional_tags(Tags{{"access:conditional", "no @ (Nov-Mar)"}, {"motor_vehicle:backward", "no"}});
  ASSERT_EQ(out.stored.size(), 1U);
  EXPECT_EQ(out.stored[0].direction, ConditionalDirection::forward);
  EXPECT_EQ(out.stored[0].vehicles, kAll);
}

// Per-class one-way keys: a record where a class's reading is not the edge's direction flags.
TEST(ConditionalTags, ClassOnewayKeysAreStoredWhereTheyDifferFromTheEdge) {
  const auto bus = interpret_conditional_tags(Tags{{"oneway", "yes"}, {"oneway:bus", "no"}});
  ASSERT_EQ(bus.plain.size(), 1U);
  EXPECT_EQ(bus.plain[0].kind, ConditionalKind::oneway);
  EXPECT_EQ(bus.plain[0].key, "oneway:bus");
  EXPECT_EQ(bus.plain[0].value, "no");
  EXPECT_EQ(bus.plain[0].rules, "both @ (24/7)");
  EXPECT_EQ(bus.plain[0].vehicles, kBus);
  EXPECT_EQ(bus.plain[0].precedence, map::ConditionalRestriction::kPlainPrecedence);
  EXPECT_EQ(bus.car_closed_directions, 0U);

  const auto hgv = interpret_conditional_tags(Tags{{"oneway:hgv", "yes"}});
  ASSERT_EQ(hgv.plain.size(), 1U);
  EXPECT_EQ(hgv.plain[0].rules, "forward @ (24/7)");
  EXPECT_EQ(hgv.plain[0].vehicles, kHgv);
  const auto psv = interpret_conditional_tags(Tags{{"oneway", "-1"}, {"oneway:psv", "no"}});
  ASSERT_EQ(psv.plain.size(), 1U);
  EXPECT_EQ(psv.plain[0].vehicles, kBus);
  // A car-only one-way leaves the others two-way, named by the car's key.
  const auto car = interpret_conditional_tags(Tags{{"oneway:motorcar", "yes"}});
  ASSERT_EQ(car.plain.size(), 1U);
  EXPECT_EQ(car.plain[0].key, "oneway:motorcar");
  EXPECT_EQ(car.plain[0].rules, "both @ (24/7)");
  EXPECT_EQ(car.plain[0].vehicles, kHgv | kBus | kMotorcycle);
  // A motorway's implied one-way, lifted for buses.
  const auto motorway = interpret_conditional_tags(Tags{{"highway", "motorway"}, {"oneway:bus", "no"}}, map::RoadClass::motorway);
  ASSERT_EQ(motorway.plain.size(), 1U);
  EXPECT_EQ(motorway.plain[0].vehicles, kBus);
  // Other vehicles' keys bind none of drivelog's classes: read with a class key (`oneway:bus=yes`,
  // the edge's own one-way, stores nothing), so that the way's one-way keys are read, where
  // `oneway:bus=no` would lift the bus's one-way.
  EXPECT_TRUE(interpret_conditional_tags(Tags{{"oneway", "yes"}, {"oneway:bus", "yes"}, {"oneway:bicycle", "no"}}).plain.empty());
  EXPECT_EQ(interpret_conditional_tags(Tags{{"oneway", "yes"}, {"oneway:bus", "no"}, {"oneway:bicycle", "no"}}).plain.size(), 1U);
  // As the car's: nothing.
  EXPECT_TRUE(interpret_conditional_tags(Tags{{"oneway", "yes"}, {"oneway:hgv", "yes"}}).plain.empty());
}

// oneway=yes + psv:backward=yes: a contraflow bus lane, the backward direction open to buses.
TEST(ConditionalTags, AClassesOwnDirectionalPermissionLiftsItsOneWay) {
  const auto out = interpret_conditional_tags(Tags{{"oneway", "yes"}, {"psv:backward", "yes"}});
  ASSERT_EQ(out.plain.size(), 1U);
  EXPECT_EQ(out.plain[0].kind, ConditionalKind::oneway);
  EXPECT_EQ(out.plain[0].key, "psv:backward");
  EXPECT_EQ(out.plain[0].rules, "both @ (24/7)");
  EXPECT_EQ(out.plain[0].vehicles, kBus);
  // motor_vehicle:backward=yes is no class's own key: the one-way stays.
  EXPECT_TRUE(interpret_conditional_tags(Tags{{"oneway", "yes"}, {"motor_vehicle:backward", "yes"}}).plain.empty());
}

// Only a permission lifts the one-way, and the class's most specific key with a value decides.
TEST(ConditionalTags, OnlyTheMostSpecificDirectionalPermissionLiftsAOneWay) {
  // Restricted access (only to get to a destination, only when delivering) is no contraflow.
  EXPECT_TRUE(interpret_conditional_tags(Tags{{"oneway", "yes"}, {"hgv:backward", "destination"}}).plain.empty());
  EXPECT_TRUE(interpret_conditional_tags(Tags{{"oneway", "yes"}, {"goods:backward", "delivery"}}).plain.empty());
  EXPECT_TRUE(interpret_conditional_tags(Tags{{"oneway", "yes"}, {"bus:backward", "private"}}).plain.empty());
  // bus:backward=no over psv:backward=yes: the bus's one-way stays, and decides (a wrong_way, no record).
  EXPECT_TRUE(interpret_conditional_tags(Tags{{"oneway", "yes"}, {"bus:backward", "no"}, {"psv:backward", "yes"}}).plain.empty());
  // bus:backward=yes over psv:backward=no: lifted for a bus, by its own key.
  const auto bus = interpret_conditional_tags(Tags{{"oneway", "yes"}, {"bus:backward", "yes"}, {"psv:backward", "no"}});
  ASSERT_EQ(bus.plain.size(), 1U);
  EXPECT_EQ(bus.plain[0].kind, ConditionalKind::oneway);
  EXPECT_EQ(bus.plain[0].key, "bus:backward");
  EXPECT_EQ(bus.plain[0].vehicles, kBus);
  // A value we do not read leaves the decision to the next key.
  const auto unread = interpret_conditional_tags(Tags{{"oneway", "yes"}, {"bus:backward", "sometimes"}, {"psv:backward", "yes"}});
  ASSERT_EQ(unread.plain.size(), 1U);
  EXPECT_EQ(unread.plain[0].key, "psv:backward");
}

TEST(ConditionalTags, OnewayConditionalLeavesAClassWithItsOwnOnewayKey) {
  const auto out = interpret_conditional_tags(Tags{{"oneway", "yes"}, {"oneway:bus", "no"}, {"oneway:conditional", "no @ (22:00-06:00)"}});
  ASSERT_EQ(out.stored.size(), 1U);
  EXPECT_EQ(out.stored[0].vehicles, kAll & ~kBus);
}

// `oneway:CLASS:conditional`: read by the hierarchy of the plain one-way keys (osm/oneway.cpp), a
// class's own key before `oneway:goods` / `oneway:psv`, `oneway:motor_vehicle` and `oneway`.
TEST(ConditionalTags, AClassOnewayConditionalBindsTheClassesItNames) {
  const auto bus = interpret_conditional_tags(Tags{{"oneway", "yes"}, {"oneway:bus:conditional", "no @ (06:00-20:00)"}});
  ASSERT_EQ(bus.stored.size(), 1U);
  EXPECT_EQ(bus.stored[0].kind, ConditionalKind::oneway);
  EXPECT_EQ(bus.stored[0].key, "oneway:bus:conditional");
  EXPECT_EQ(bus.stored[0].value, "no @ (06:00-20:00)");
  EXPECT_EQ(bus.stored[0].rules, "both @ (06:00-20:00)");
  EXPECT_EQ(bus.stored[0].vehicles, kBus);
  EXPECT_EQ(bus.stored[0].direction, ConditionalDirection::both);
  EXPECT_TRUE(bus.plain.empty());  // the car, the lorry and the bus share oneway=yes when no rule holds
  EXPECT_EQ(interpret_conditional_tags(Tags{{"oneway:psv:conditional", "yes @ (Mo-Fr)"}}).stored.at(0).vehicles, kBus);
  EXPECT_EQ(interpret_conditional_tags(Tags{{"oneway:goods:conditional", "yes @ (Mo-Fr)"}}).stored.at(0).vehicles, kHgv);
  EXPECT_EQ(interpret_conditional_tags(Tags{{"oneway:hgv:conditional", "-1 @ (Mo-Fr)"}}).stored.at(0).rules, "backward @ (Mo-Fr)");
  EXPECT_EQ(interpret_conditional_tags(Tags{{"oneway:motorcycle:conditional", "yes @ (Mo-Fr)"}}).stored.at(0).vehicles, kMotorcycle);
  EXPECT_EQ(interpret_conditional_tags(Tags{{"oneway:motorcar:conditional", "yes @ (Mo-Fr)"}}).stored.at(0).vehicles, kCar);
  EXPECT_EQ(interpret_conditional_tags(Tags{{"oneway:motor_vehicle:conditional", "yes @ (Mo-Fr)"}}).stored.at(0).vehicles, kAll);
}

TEST(ConditionalTags, AClassOnewayConditionalIsTriedBeforeTheGeneralOnes) {
  const auto out = interpret_conditional_tags(Tags{{"oneway:conditional", "yes @ (07:00-09:00)"},
                                                   {"oneway:motor_vehicle:conditional", "-1 @ (Sa)"},
                                                   {"oneway:psv:conditional", "no @ (Su)"},
                                                   {"oneway:bus:conditional", "no @ (08:00-08:30)"}});
  ASSERT_EQ(out.stored.size(), 4U);
  std::vector<std::pair<std::string, uint8_t>> by_precedence;
  for (const auto& c : out.stored) by_precedence.emplace_back(c.key, c.precedence);
  std::stable_sort(by_precedence.begin(), by_precedence.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  EXPECT_EQ(by_precedence[0].first, "oneway:bus:conditional");
  EXPECT_EQ(by_precedence[1].first, "oneway:psv:conditional");
  EXPECT_EQ(by_precedence[2].first, "oneway:motor_vehicle:conditional");
  EXPECT_EQ(by_precedence[3].first, "oneway:conditional");
  for (const auto& c : out.stored) {
    if (c.key != "oneway:bus:conditional" && c.key != "oneway:psv:conditional") {
      EXPECT_EQ(c.vehicles, kAll) << c.key;
    }
  }
}

// A more specific plain one-way key decides for its classes at every time.
TEST(ConditionalTags, AClassOnewayConditionalUnderAMoreSpecificPlainKeyBindsNothing) {
  const auto psv = interpret_conditional_tags(Tags{{"oneway:bus", "yes"}, {"oneway:psv:conditional", "no @ (Mo-Fr)"}});
  EXPECT_TRUE(psv.stored.empty());
  EXPECT_EQ(psv.shadowed, std::vector<std::string>({"oneway:psv:conditional"}));
  // oneway:motor_vehicle decides for every class: oneway:conditional below it binds none, as before.
  EXPECT_TRUE(interpret_conditional_tags(Tags{{"oneway:motor_vehicle", "yes"}, {"oneway:conditional", "no @ (Mo-Fr)"}}).stored.empty());
  // The class's own plain key at the same level: the conditional is tried first (it binds the class).
  const auto same = interpret_conditional_tags(Tags{{"oneway:hgv", "yes"}, {"oneway:hgv:conditional", "no @ (22:00-06:00)"}});
  ASSERT_EQ(same.stored.size(), 1U);
  EXPECT_EQ(same.stored[0].vehicles, kHgv);
  // oneway:motor_vehicle=yes below oneway:hgv:conditional: the lorry's conditional still binds it.
  const auto below = interpret_conditional_tags(Tags{{"oneway:motor_vehicle", "yes"}, {"oneway:goods:conditional", "no @ (Su)"}});
  ASSERT_EQ(below.stored.size(), 1U);
  EXPECT_EQ(below.stored[0].vehicles, kHgv);
}

TEST(ConditionalTags, AClassOnewayConditionalNotUnderstoodIsReported) {
  const auto out = interpret_conditional_tags(Tags{{"oneway", "yes"}, {"oneway:hgv:conditional", "maybe @ (Mo-Fr)"}});
  EXPECT_TRUE(out.stored.empty());
  ASSERT_EQ(out.not_understood.size(), 1U);
  EXPECT_EQ(out.not_understood[0].first, "oneway:hgv:conditional");
}

// A direction a class's access key closes, under the class's own one-way conditional: closed while
// the conditional lifts the one-way, as under `oneway:conditional`; two conditionals binding the
// class follow the one the engine tries first (the last rule that holds wins).
TEST(ConditionalTags, ADirectionClosedByAccessFollowsTheClassesOwnOnewayConditional) {
  const auto lorry = interpret_conditional_tags(
      Tags{{"oneway", "yes"}, {"oneway:hgv:conditional", "no @ (22:00-06:00)"}, {"hgv:backward", "no"}});
  ASSERT_EQ(lorry.plain.size(), 1U);
  EXPECT_EQ(lorry.plain[0].key, "hgv:backward");
  EXPECT_EQ(lorry.plain[0].rules, "closed @ (22:00-06:00)");
  EXPECT_EQ(lorry.plain[0].vehicles, kHgv);
  const auto two = interpret_conditional_tags(Tags{{"oneway", "yes"},
                                                   {"oneway:conditional", "no @ (22:00-06:00)"},
                                                   {"oneway:hgv:conditional", "yes @ (23:00-24:00)"},
                                                   {"hgv:backward", "no"}});
  ASSERT_EQ(two.plain.size(), 1U);
  EXPECT_EQ(two.plain[0].rules, "closed @ (22:00-06:00); open @ (23:00-24:00)");
}

TEST(ConditionalTags, PlainClassLimitsAreStoredPerClassAndDirection) {
  const auto out = interpret_conditional_tags(Tags{{"maxspeed", "80"}, {"maxspeed:hgv", "60"}, {"maxspeed:bus:forward", "70"}});
  ASSERT_EQ(out.plain.size(), 2U);
  EXPECT_EQ(out.plain[0].kind, ConditionalKind::maxspeed);
  EXPECT_EQ(out.plain[0].key, "maxspeed:hgv");
  EXPECT_EQ(out.plain[0].rules, "60 @ (24/7)");
  EXPECT_EQ(out.plain[0].vehicles, kHgv);
  EXPECT_EQ(out.plain[0].direction, ConditionalDirection::both);
  EXPECT_EQ(out.plain[1].key, "maxspeed:bus:forward");
  EXPECT_EQ(out.plain[1].direction, ConditionalDirection::forward);
  EXPECT_EQ(out.plain[1].vehicles, kBus);
  // maxspeed:goods decides for a lorry; mph converted; a zone we cannot read leaves the car's limit.
  const auto goods = interpret_conditional_tags(Tags{{"maxspeed:goods", "40 mph"}, {"maxspeed:motorcycle", "DE:urban"}});
  ASSERT_EQ(goods.plain.size(), 1U);
  EXPECT_EQ(goods.plain[0].rules, "64.4 @ (24/7)");
  EXPECT_EQ(goods.plain[0].vehicles, kHgv);
  // A class bound by a conditional keeps its plain key for the times no rule holds: tried after it.
  const auto both = interpret_conditional_tags(Tags{{"maxspeed:hgv", "60"}, {"maxspeed:hgv:conditional", "40 @ (22:00-06:00)"}});
  ASSERT_EQ(both.stored.size(), 1U);
  ASSERT_EQ(both.plain.size(), 1U);
  EXPECT_LT(both.stored[0].precedence, both.plain[0].precedence);
}

}  // namespace
}  // namespace drivelog::osm
