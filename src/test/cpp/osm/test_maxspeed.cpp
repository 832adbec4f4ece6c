#include <gtest/gtest.h>

#include "osm/maxspeed.hpp"

namespace drivelog::osm {
namespace {

using Kind = SpeedValue::Kind;

uint16_t limit_of(std::string_view value) {
  const SpeedValue v = parse_maxspeed(value);
  EXPECT_EQ(v.kind, Kind::limit) << value;
  return v.tenths_kmh;
}

TEST(ParseMaxspeed, PlainNumbersAreKilometresPerHour) {
  EXPECT_EQ(limit_of("50"), 500);
  EXPECT_EQ(limit_of("7"), 70);
  EXPECT_EQ(limit_of("50 km/h"), 500);
  EXPECT_EQ(limit_of("12.5"), 125);
  EXPECT_EQ(parse_maxspeed("50").source, map::SpeedSource::explicit_tag);
}

TEST(ParseMaxspeed, MilesAndKnotsAreConverted) {
  EXPECT_EQ(limit_of("30 mph"), 483);   // 48.28 km/h
  EXPECT_EQ(limit_of("30mph"), 483);
  EXPECT_EQ(limit_of("30 mph "), 483);  // trailing space
  EXPECT_EQ(limit_of(" 25 mph"), 402);
  EXPECT_EQ(limit_of("10 knots"), 185);  // 18.52 km/h
}

TEST(ParseMaxspeed, WordsWalkNoneAndVariable) {
  EXPECT_EQ(limit_of("walk"), 70);
  EXPECT_EQ(limit_of("none"), map::kSpeedUnlimited);
  EXPECT_EQ(parse_maxspeed("signals").kind, Kind::variable);
  EXPECT_EQ(parse_maxspeed("variable").kind, Kind::variable);
}

TEST(ParseMaxspeed, NumericZonesCarryTheirNumber) {
  EXPECT_EQ(limit_of("FR:zone30"), 300);
  EXPECT_EQ(limit_of("GB:zone20"), 322);  // numbers in British zones are mph
  EXPECT_EQ(limit_of("DE:zone:30"), 300);
  EXPECT_EQ(parse_maxspeed("FR:zone30").source, map::SpeedSource::explicit_tag);
}

TEST(ParseMaxspeed, NamedZonesAreLeftToTheLegalDefaultsDataset) {
  for (const std::string_view zone : {"DE:urban", "RU:rural", "GB:nsl_single", "JP:rural", "DE:nowhere"}) {
    const SpeedValue v = parse_maxspeed(zone);
    EXPECT_EQ(v.kind, Kind::named_zone) << zone;
    EXPECT_EQ(v.source, map::SpeedSource::implicit_zone) << zone;
    EXPECT_EQ(v.country, zone.substr(0, 2)) << zone;
    EXPECT_EQ(v.zone, zone.substr(3)) << zone;
  }
}

TEST(ParseMaxspeed, SeveralValuesKeepTheHighest) {
  EXPECT_EQ(limit_of("50;30"), 500);
  EXPECT_EQ(limit_of("30; 50"), 500);
  EXPECT_EQ(parse_maxspeed("50;fast").kind, Kind::invalid);
}

TEST(ParseMaxspeed, GarbageIsInvalid) {
  for (const std::string_view bad : {"", "fast", "50 furlongs", "0", "-30", "de:urban", "DE:Urban", "DE:50 km",
                                     "mph", "1000", "50..5", "30 mph 40", "50;DE:urban"}) {
    EXPECT_EQ(parse_maxspeed(bad).kind, Kind::invalid) << "'" << bad << "'";
  }
}

}  // namespace
}  // namespace drivelog::osm
