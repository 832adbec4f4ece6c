#include <gtest/gtest.h>

#include "osm/way_speed.hpp"

namespace drivelog::osm {
namespace {

TEST(WaySpeed, MaxspeedAppliesToBothDirections) {
  TagProblems problems;
  const WaySpeed s = interpret_way_speed(Tags{{"maxspeed", "50"}}, problems);
  EXPECT_EQ(s.forward, 500);
  EXPECT_EQ(s.backward, 500);
  EXPECT_EQ(s.forward_source, map::SpeedSource::explicit_tag);
  EXPECT_EQ(s.backward_source, map::SpeedSource::explicit_tag);
}

TEST(WaySpeed, DirectionalTagsWinOverMaxspeed) {
  TagProblems problems;
  const WaySpeed s = interpret_way_speed(Tags{{"maxspeed", "50"}, {"maxspeed:backward", "30"}}, problems);
  EXPECT_EQ(s.forward, 500);
  EXPECT_EQ(s.backward, 300);
}

TEST(WaySpeed, OneDirectionOnlyLeavesTheOtherToTheLegalDefault) {
  TagProblems problems;
  const WaySpeed s = interpret_way_speed(Tags{{"maxspeed:forward", "60"}}, problems);
  EXPECT_EQ(s.forward, 600);
  EXPECT_EQ(s.forward_source, map::SpeedSource::explicit_tag);
  EXPECT_EQ(s.backward, map::kSpeedUnknown);
  EXPECT_EQ(s.backward_source, map::SpeedSource::none);
}

TEST(WaySpeed, NamedZoneTagsAskForTheZonesLegalDefaultInTheirCountry) {
  TagProblems problems;
  for (const char* key : {"maxspeed:type", "zone:maxspeed", "source:maxspeed"}) {
    const WaySpeed s = interpret_way_speed(Tags{{key, "DE:urban"}}, problems);
    EXPECT_EQ(s.forward, map::kSpeedUnknown) << key;  // the dataset gives it, per road type, when the map is built
    EXPECT_EQ(s.forward_source, map::SpeedSource::implicit_zone) << key;
    EXPECT_EQ(s.zone_country, "DE") << key;
  }
  const WaySpeed fr = interpret_way_speed(Tags{{"zone:maxspeed", "FR:30"}}, problems);
  EXPECT_EQ(fr.forward, 300);
  EXPECT_EQ(problems.total(), 0u);
}

TEST(WaySpeed, ANumberWinsOverAZone) {
  TagProblems problems;
  const WaySpeed s = interpret_way_speed(Tags{{"maxspeed", "30"}, {"zone:maxspeed", "DE:urban"}}, problems);
  EXPECT_EQ(s.forward, 300);
  EXPECT_EQ(s.forward_source, map::SpeedSource::explicit_tag);
  EXPECT_EQ(s.zone_country, "");
}

TEST(WaySpeed, UnreadableValuesAreCountedAndFallBack) {
  TagProblems problems;
  const WaySpeed s = interpret_way_speed(Tags{{"maxspeed", "fast"}, {"maxspeed:type", "DE:zone30"}}, problems);
  EXPECT_EQ(s.forward, 300);
  EXPECT_EQ(problems.counts().at("maxspeed=fast"), 1u);
  interpret_way_speed(Tags{{"maxspeed", "fast"}}, problems);
  EXPECT_EQ(problems.counts().at("maxspeed=fast"), 2u);
}

TEST(WaySpeed, FreeTextSourceIsNotAProblem) {
  TagProblems problems;
  const WaySpeed s = interpret_way_speed(Tags{{"source:maxspeed", "sign"}}, problems);
  EXPECT_EQ(s.forward_source, map::SpeedSource::none);
  EXPECT_EQ(problems.total(), 0u);
}

TEST(WaySpeed, VariableLimitsAreUnknownButNotDefaulted) {
  TagProblems problems;
  const WaySpeed s = interpret_way_speed(Tags{{"maxspeed", "signals"}}, problems);
  EXPECT_EQ(s.forward, map::kSpeedUnknown);
  EXPECT_EQ(s.forward_source, map::SpeedSource::explicit_tag);
}

TEST(WaySpeed, NoTagsMeansNoSource) {
  TagProblems problems;
  const WaySpeed s = interpret_way_speed(Tags{{"highway", "primary"}}, problems);
  EXPECT_EQ(s.forward_source, map::SpeedSource::none);
  EXPECT_EQ(s.backward_source, map::SpeedSource::none);
  EXPECT_EQ(s.forward, map::kSpeedUnknown);
}

}  // namespace
}  // namespace drivelog::osm
