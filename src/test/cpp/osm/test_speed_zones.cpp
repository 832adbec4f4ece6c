#include <gtest/gtest.h>

#include "osm/speed_zones.hpp"

namespace drivelog::osm {
namespace {

TEST(NumericZoneLimit, NumbersInTheZoneNameInTheCountrysUnit) {
  EXPECT_EQ(numeric_zone_limit("FR", "30"), 300);  // zone:maxspeed=FR:30
  EXPECT_EQ(numeric_zone_limit("DE", "zone30"), 300);
  EXPECT_EQ(numeric_zone_limit("DE", "zone:30"), 300);
  EXPECT_EQ(numeric_zone_limit("US", "zone25"), 402);  // mph
  EXPECT_EQ(numeric_zone_limit("AT", "walk"), 70);
}

TEST(NumericZoneLimit, NamedZonesAreLeftToTheLegalDefaults) {
  EXPECT_FALSE(numeric_zone_limit("DE", "urban").has_value());
  EXPECT_FALSE(numeric_zone_limit("GB", "nsl_single").has_value());
  EXPECT_FALSE(numeric_zone_limit("", "30").has_value());
  EXPECT_FALSE(numeric_zone_limit("DE", "zone0").has_value());
  EXPECT_FALSE(numeric_zone_limit("DE", "zone500").has_value());
}

}  // namespace
}  // namespace drivelog::osm
