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

TEST(Restriction, ExceptForCarsSkipsIt) {
  for (const char* except : {"motorcar", "bicycle;motorcar", "psv; motor_vehicle"}) {
    EXPECT_EQ(interpret_restriction(Tags{{"type", "restriction"}, {"restriction", "no_left_turn"}, {"except", except}}).verdict,
              Verdict::not_for_cars)
        << except;
  }
  EXPECT_EQ(
      interpret_restriction(Tags{{"type", "restriction"}, {"restriction", "no_left_turn"}, {"except", "bicycle"}}).verdict,
      Verdict::applies);
}

TEST(Restriction, OtherVehiclesAndConditionalsAreNotModelled) {
  EXPECT_EQ(interpret_restriction(Tags{{"type", "restriction"}, {"restriction:hgv", "no_left_turn"}}).verdict,
            Verdict::not_for_cars);
  EXPECT_EQ(interpret_restriction(Tags{{"type", "restriction"}, {"restriction:conditional", "no_left_turn @ (Mo-Fr)"}})
                .verdict,
            Verdict::conditional_only);
  EXPECT_EQ(interpret_restriction(Tags{{"type", "multipolygon"}}).verdict, Verdict::not_a_restriction);
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
