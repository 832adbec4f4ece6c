#include <gtest/gtest.h>

#include "osm/restriction.hpp"

namespace drivelog::osm {
namespace {

using Verdict = RestrictionTags::Verdict;

TEST(Restriction, NoAndOnlyKinds) {
  const auto no = interpret_restriction(Tags{{"type", "restriction"}, {"restriction", "no_left_turn"}});
  EXPECT_EQ(no.verdict, Verdict::applies);
  EXPECT_EQ(no.kind, map::RestrictionKind::no);
  const auto only = interpret_restriction(Tags{{"type", "restriction"}, {"restriction", "only_straight_on"}});
  EXPECT_EQ(only.verdict, Verdict::applies);
  EXPECT_EQ(only.kind, map::RestrictionKind::only);
}

TEST(Restriction, MotorcarValueWins) {
  const auto r = interpret_restriction(
      Tags{{"type", "restriction"}, {"restriction", "no_left_turn"}, {"restriction:motorcar", "only_right_turn"}});
  EXPECT_EQ(r.kind, map::RestrictionKind::only);
  EXPECT_EQ(interpret_restriction(Tags{{"type", "restriction"}, {"restriction:motorcar", "no_u_turn"}}).verdict,
            Verdict::applies);
}

TEST(Restriction, ExceptTakesItsClassesOut) {
  for (const char* except : {"motorcar", "bicycle;motorcar"}) {
    const auto r = interpret_restriction(Tags{{"type", "restriction"}, {"restriction", "no_left_turn"}, {"except", except}});
    EXPECT_EQ(r.verdict, Verdict::applies) << except;
    EXPECT_EQ(r.vehicles, map::kAllVehicles & ~map::vehicle_bits::kCar) << except;  // still binds a lorry
    EXPECT_EQ(r.class_keys, std::vector<std::string>({"except"}));
  }
  EXPECT_EQ(interpret_restriction(Tags{{"type", "restriction"}, {"restriction", "no_left_turn"}, {"except", "psv; motor_vehicle"}})
                .verdict,
            Verdict::not_for_cars);
  const auto bus = interpret_restriction(Tags{{"type", "restriction"}, {"restriction", "no_left_turn"}, {"except", "psv"}});
  EXPECT_EQ(bus.verdict, Verdict::applies);
  EXPECT_EQ(bus.vehicles, map::kAllVehicles & ~map::vehicle_bits::kBus);
  EXPECT_EQ(
      interpret_restriction(Tags{{"type", "restriction"}, {"restriction", "no_left_turn"}, {"except", "bicycle"}}).verdict,
      Verdict::applies);
}

TEST(Restriction, PlainClassValuesBindTheirClasses) {
  const auto hgv = interpret_restriction(Tags{{"type", "restriction"}, {"restriction:hgv", "no_left_turn"}});
  EXPECT_EQ(hgv.verdict, Verdict::applies);
  EXPECT_EQ(hgv.kind, map::RestrictionKind::no);
  EXPECT_EQ(hgv.vehicles, map::vehicle_bits::kHgv);
  EXPECT_EQ(hgv.class_keys, std::vector<std::string>({"restriction:hgv"}));
  // restriction:motorcar binds a car only; restriction:bus=none lifts the general one for a bus.
  EXPECT_EQ(interpret_restriction(Tags{{"type", "restriction"}, {"restriction:motorcar", "no_u_turn"}}).vehicles,
            map::vehicle_bits::kCar);
  const auto lifted = interpret_restriction(Tags{{"type", "restriction"}, {"restriction", "no_left_turn"}, {"restriction:bus", "none"}});
  EXPECT_EQ(lifted.vehicles, map::kAllVehicles & ~map::vehicle_bits::kBus);
  EXPECT_EQ(interpret_restriction(Tags{{"type", "restriction"}, {"restriction:bicycle", "no_left_turn"}}).verdict, Verdict::not_for_cars);
}

TEST(Restriction, OtherRelationsAreNotRestrictions) {
  EXPECT_EQ(interpret_restriction(Tags{{"type", "multipolygon"}}).verdict, Verdict::not_a_restriction);
}

TEST(Restriction, AConditionalAloneIsATimeDependentRestriction) {
  const auto r = interpret_restriction(Tags{{"type", "restriction"}, {"restriction:conditional", "no_left_turn @ (Mo-Fr 07:00-09:00)"}});
  EXPECT_EQ(r.verdict, Verdict::applies);
  EXPECT_EQ(r.kind, map::RestrictionKind::no);  // what the matcher prices
  EXPECT_EQ(r.flags, map::restriction_flags::kConditional | map::restriction_flags::kOnlyConditional);
  ASSERT_EQ(r.conditionals.size(), 1U);
  EXPECT_EQ(r.conditionals[0].key, "restriction:conditional");
  EXPECT_EQ(r.conditionals[0].value, "no_left_turn @ (Mo-Fr 07:00-09:00)");
  EXPECT_EQ(r.conditionals[0].rules, "no @ (Mo-Fr 07:00-09:00)");
  EXPECT_EQ(r.conditionals[0].vehicles, map::kAllVehicles);
}

TEST(Restriction, APlainRestrictionLiftedAtTimesKeepsItsKind) {
  const auto r = interpret_restriction(Tags{{"type", "restriction"},
                                            {"restriction", "only_straight_on"},
                                            {"restriction:conditional", "none @ (Sa,Su)"}});
  EXPECT_EQ(r.verdict, Verdict::applies);
  EXPECT_EQ(r.kind, map::RestrictionKind::only);
  EXPECT_EQ(r.flags, map::restriction_flags::kConditional);  // the plain value holds outside the rules' times
  ASSERT_EQ(r.conditionals.size(), 1U);
  EXPECT_EQ(r.conditionals[0].rules, "none @ (Sa,Su)");
}

TEST(Restriction, ExceptAndVehicleClassKeysNarrowWhomAConditionalBinds) {
  const auto r = interpret_restriction(Tags{{"type", "restriction"},
                                            {"restriction:conditional", "no_right_turn @ (07:00-19:00)"},
                                            {"restriction:hgv:conditional", "no_right_turn @ (weight>7.5)"},
                                            {"except", "psv"}});
  EXPECT_EQ(r.verdict, Verdict::applies);
  ASSERT_EQ(r.conditionals.size(), 2U);
  EXPECT_EQ(r.conditionals[0].key, "restriction:hgv:conditional");  // a class's own key first
  EXPECT_EQ(r.conditionals[0].vehicles, map::vehicle_bit(map::VehicleClass::hgv));
  EXPECT_EQ(r.conditionals[1].vehicles, map::kAllVehicles & ~map::vehicle_bit(map::VehicleClass::bus));
  EXPECT_EQ(r.vehicles, map::kAllVehicles & ~map::vehicle_bit(map::VehicleClass::bus));
  // Cars exempt: a conditional for others still binds them (the matcher, pricing a car, ignores it).
  const auto hgv_only = interpret_restriction(
      Tags{{"type", "restriction"}, {"restriction:hgv:conditional", "no_left_turn @ (Mo-Fr)"}});
  EXPECT_EQ(hgv_only.verdict, Verdict::applies);
  EXPECT_EQ(hgv_only.vehicles, map::vehicle_bit(map::VehicleClass::hgv));
}

TEST(Restriction, AConditionalNotUnderstoodIsReportedAndNothingStored) {
  const auto r = interpret_restriction(Tags{{"type", "restriction"}, {"restriction:conditional", "no_left_turn @ (sunset-sunrise)"}});
  EXPECT_EQ(r.verdict, Verdict::conditional_only);
  ASSERT_EQ(r.not_understood.size(), 1U);
  EXPECT_EQ(r.not_understood[0].first, "restriction:conditional");
  EXPECT_TRUE(r.conditionals.empty());
  const auto odd = interpret_restriction(Tags{{"type", "restriction"}, {"restriction", "no_left_turn"},
                                              {"restriction:conditional", "maybe @ (Mo)"}});
  EXPECT_EQ(odd.verdict, Verdict::applies);  // the plain value still holds
  EXPECT_EQ(odd.flags, 0);
  EXPECT_EQ(odd.not_understood.size(), 1U);
}

TEST(Restriction, GarbageIsInvalidWithTheValue) {
  const auto r = interpret_restriction(Tags{{"type", "restriction"}, {"restriction", "maybe_left"}});
  EXPECT_EQ(r.verdict, Verdict::invalid);
  EXPECT_EQ(r.bad_key, "restriction");
  EXPECT_EQ(r.bad_value, "maybe_left");
  EXPECT_EQ(interpret_restriction(Tags{{"type", "restriction"}, {"restriction", "no_"}}).verdict, Verdict::invalid);
}

}  // namespace
}  // namespace drivelog::osm
