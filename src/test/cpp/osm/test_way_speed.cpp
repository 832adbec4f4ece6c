#include <gtest/gtest.h>

#include "osm/way_speed.hpp"

namespace drivelog::osm {
namespace {

TEST(WaySpeed, MaxspeedAppliesToBothDirections) {
  TagProblems problems;
  const WaySpeed s = interpret_way_speed(Tags{{"maxspeed", "50"}}, problems);
  EXPECT_EQ(s.forward, 500);
  EXPECT_EQ(s.backward, 500);
  EXPECT_EQ(s.source, map::SpeedSource::explicit_tag);
}

TEST(WaySpeed, DirectionalTagsWinOverMaxspeed) {
  TagProblems problems;
  const WaySpeed s = interpret_way_speed(Tags{{"maxspeed", "50"}, {"maxspeed:backward", "30"}}, problems);
  EXPECT_EQ(s.forward, 500);
  EXPECT_EQ(s.backward, 300);
}

TEST(WaySpeed, OneDirectionOnlyLeavesTheOtherUnknown) {
  TagProblems problems;
  const WaySpeed s = interpret_way_speed(Tags{{"maxspeed:forward", "60"}}, problems);
  EXPECT_EQ(s.forward, 600);
  EXPECT_EQ(s.backward, map::kSpeedUnknown);
}

TEST(WaySpeed, ZoneTagsGiveAnImplicitLimitAndTheCountry) {
  TagProblems problems;
  for (const char* key : {"maxspeed:type", "zone:maxspeed", "source:maxspeed"}) {
    const WaySpeed s = interpret_way_speed(Tags{{key, "DE:urban"}}, problems);
    EXPECT_EQ(s.forward, 500) << key;
    EXPECT_EQ(s.source, map::SpeedSource::implicit_zone) << key;
    EXPECT_EQ(s.country, "DE") << key;
  }
  const WaySpeed fr = interpret_way_speed(Tags{{"zone:maxspeed", "FR:30"}}, problems);
  EXPECT_EQ(fr.forward, 300);
  EXPECT_EQ(problems.total(), 0u);
}

TEST(WaySpeed, ANumberWinsOverAZoneButTheZoneStillNamesTheCountry) {
  TagProblems problems;
  const WaySpeed s = interpret_way_speed(Tags{{"maxspeed", "30"}, {"zone:maxspeed", "DE:urban"}}, problems);
  EXPECT_EQ(s.forward, 300);
  EXPECT_EQ(s.source, map::SpeedSource::explicit_tag);
  EXPECT_EQ(s.country, "DE");
}

TEST(WaySpeed, UnreadableValuesAreCountedAndFallBack) {
  TagProblems problems;
  const WaySpeed s = interpret_way_speed(Tags{{"maxspeed", "fast"}, {"maxspeed:type", "DE:rural"}}, problems);
  EXPECT_EQ(s.forward, 1000);
  EXPECT_EQ(problems.counts().at("maxspeed=fast"), 1u);
  interpret_way_speed(Tags{{"maxspeed", "fast"}}, problems);
  EXPECT_EQ(problems.counts().at("maxspeed=fast"), 2u);
}

TEST(WaySpeed, FreeTextSourceIsNotAProblem) {
  TagProblems problems;
  const WaySpeed s = interpret_way_speed(Tags{{"source:maxspeed", "sign"}}, problems);
  EXPECT_EQ(s.source, map::SpeedSource::none);
  EXPECT_EQ(problems.total(), 0u);
}

TEST(WaySpeed, VariableLimitsAreUnknownButNotDefaulted) {
  TagProblems problems;
  const WaySpeed s = interpret_way_speed(Tags{{"maxspeed", "signals"}}, problems);
  EXPECT_EQ(s.forward, map::kSpeedUnknown);
  EXPECT_EQ(s.source, map::SpeedSource::explicit_tag);
}

TEST(WaySpeed, NoTagsMeansNoSource) {
  TagProblems problems;
  const WaySpeed s = interpret_way_speed(Tags{{"highway", "primary"}}, problems);
  EXPECT_EQ(s.source, map::SpeedSource::none);
  EXPECT_EQ(s.forward, map::kSpeedUnknown);
}

}  // namespace
}  // namespace drivelog::osm
