// Legal default speed limits behind implicit OSM values such as `maxspeed=DE:urban` or
// `zone:maxspeed=FR:30`, and the per-country, per-road-class defaults used where a way has no
// limit tag at all. The table is documented in docs/SPEED_LIMITS.md; keep the two in step.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "map/map_builder.hpp"

namespace drivelog::osm {

// `maxspeed=walk` and German/Austrian living streets ("Schrittgeschwindigkeit"): courts accept up
// to 7 km/h, and we store the upper bound so that nobody at walking pace is reported.
inline constexpr uint16_t kWalkTenthsKmh = 70;

// The limit (tenths of km/h) of `zone` in `country` (ISO 3166-1 alpha-2, upper case), e.g.
// ("DE", "urban") -> 500, ("GB", "nsl_single") -> 966, ("FR", "zone30") -> 300, ("FR", "30") -> 300,
// ("DE", "motorway") -> kSpeedUnlimited. Nothing if the pair is not in the table.
std::optional<uint16_t> zone_limit(std::string_view country, std::string_view zone);

// Whether numbers without a unit in this country's zone names are miles per hour (GB, US).
bool uses_mph(std::string_view country);

// Whether the table knows the country at all.
bool is_known_country(std::string_view country);

// Defaults by road class for `country`; an unknown or empty country gets the international row.
map::DefaultSpeeds country_default_speeds(std::string_view country);

// Converts miles per hour and knots to tenths of km/h, rounded.
uint16_t mph_to_tenths_kmh(double mph);
uint16_t knots_to_tenths_kmh(double knots);

}  // namespace drivelog::osm
