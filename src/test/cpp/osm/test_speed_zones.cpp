#include <gtest/gtest.h>

#include "osm/speed_zones.hpp"

namespace drivelog::osm {
namespace {

using map::RoadClass;

uint16_t at(const map::DefaultSpeeds& d, RoadClass rc) { return d[static_cast<std::size_t>(rc)]; }

TEST(ZoneLimit, KnownAndNumericZones) {
  EXPECT_EQ(zone_limit("DE", "urban"), 500);
  EXPECT_EQ(zone_limit("FR", "30"), 300);  // zone:maxspeed=FR:30
  EXPECT_EQ(zone_limit("US", "zone25"), 402);
  EXPECT_FALSE(zone_limit("DE", "nowhere").has_value());
  EXPECT_FALSE(zone_limit("", "urban").has_value());
}

TEST(CountryDefaultSpeeds, GermanyHasNoMotorwayLimitAndUrbanResidentials) {
  const map::DefaultSpeeds de = country_default_speeds("DE");
  EXPECT_EQ(at(de, RoadClass::motorway), map::kSpeedUnlimited);
  EXPECT_EQ(at(de, RoadClass::primary), 1000);
  EXPECT_EQ(at(de, RoadClass::residential), 500);
  EXPECT_EQ(at(de, RoadClass::living_street), 70);
  EXPECT_EQ(at(de, RoadClass::track), map::kSpeedUnknown);
}

TEST(CountryDefaultSpeeds, UnknownCountryGetsTheInternationalRow) {
  const map::DefaultSpeeds intl = country_default_speeds("");
  EXPECT_EQ(at(intl, RoadClass::motorway), 1200);
  EXPECT_EQ(at(intl, RoadClass::secondary), 900);
  EXPECT_EQ(at(intl, RoadClass::residential), 500);
  EXPECT_EQ(country_default_speeds("ZZ"), intl);
}

TEST(CountryDefaultSpeeds, MissingZonesFallBackWithinTheCountryFirst) {
  // Norway has no motorway row: its rural limit is the legal default there.
  EXPECT_EQ(at(country_default_speeds("NO"), RoadClass::motorway), 800);
  EXPECT_EQ(at(country_default_speeds("US"), RoadClass::motorway), 1127);
  EXPECT_EQ(at(country_default_speeds("GB"), RoadClass::residential), 483);
}

}  // namespace
}  // namespace drivelog::osm
