#include <gtest/gtest.h>

#include "osm/advisory_speed.hpp"

namespace drivelog::osm {
namespace {

TEST(AdvisorySpeed, ValueAppliesToBothDirectionsInTheMaxspeedUnits) {
  TagProblems problems;
  const WayAdvisorySpeed mph = interpret_advisory_speed(Tags{{"maxspeed:advisory", "35 mph"}}, problems);
  EXPECT_EQ(mph.forward, 563);  // 35 mph = 56.3 km/h
  EXPECT_EQ(mph.backward, 563);
  EXPECT_EQ(interpret_advisory_speed(Tags{{"maxspeed:advisory", "60"}}, problems).forward, 600);
  EXPECT_EQ(interpret_advisory_speed(Tags{{"maxspeed:advisory", "20 knots"}}, problems).forward, 370);
  EXPECT_EQ(problems.total(), 0u);
}

TEST(AdvisorySpeed, DirectionalKeysWinForTheirDirection) {
  TagProblems problems;
  const WayAdvisorySpeed s = interpret_advisory_speed(
      Tags{{"maxspeed:advisory", "50"}, {"maxspeed:advisory:backward", "30"}}, problems);
  EXPECT_EQ(s.forward, 500);
  EXPECT_EQ(s.backward, 300);
  const WayAdvisorySpeed one = interpret_advisory_speed(Tags{{"maxspeed:advisory:forward", "40"}}, problems);
  EXPECT_EQ(one.forward, 400);
  EXPECT_EQ(one.backward, map::kSpeedUnknown);
}

TEST(AdvisorySpeed, UnreadableValuesAreProblemsNamedWithTheirKey) {
  TagProblems problems;
  for (const char* value : {"slow", "none", "US:urban", "DE:zone30"}) {
    const WayAdvisorySpeed s = interpret_advisory_speed(Tags{{"maxspeed:advisory", value}}, problems);
    EXPECT_EQ(s.forward, map::kSpeedUnknown) << value;  // an advisory speed is a number
    ASSERT_TRUE(s.unreadable.has_value()) << value;
    EXPECT_EQ(*s.unreadable, std::string("maxspeed:advisory=") + value);
  }
  EXPECT_EQ(problems.total(), 4u);
  EXPECT_EQ(problems.counts().at("maxspeed:advisory=slow"), 1u);
}

TEST(AdvisorySpeed, VariableSignIsNoValueAndNoProblem) {
  TagProblems problems;
  const WayAdvisorySpeed s = interpret_advisory_speed(Tags{{"maxspeed:advisory", "variable"}}, problems);
  EXPECT_EQ(s.forward, map::kSpeedUnknown);
  EXPECT_FALSE(s.unreadable.has_value());
  EXPECT_EQ(problems.total(), 0u);
}

}  // namespace
}  // namespace drivelog::osm
