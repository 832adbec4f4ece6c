// Implicit OSM limit values that carry their number in the name (`DE:zone30`, `FR:zone:30`,
// `FR:30`, `AT:walk`). Named zones (`DE:urban`, `JP:rural`, `GB:nsl_single`) are not read here:
// their meaning is the legal default of a road type, which the legal-default-speeds dataset gives
// (legal/, docs/SPEED_LIMITS.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace drivelog::osm {

// `maxspeed=walk` and German/Austrian living streets ("Schrittgeschwindigkeit"): courts accept up
// to 7 km/h, and we store the upper bound so that nobody at walking pace is reported.
inline constexpr uint16_t kWalkTenthsKmh = 70;

// The limit (tenths of km/h) of a numeric zone: ("FR", "zone30") -> 300, ("FR", "30") -> 300,
// ("GB", "zone20") -> 20 mph, ("DE", "walk") -> 70. Nothing for named zones ("urban").
std::optional<uint16_t> numeric_zone_limit(std::string_view country, std::string_view zone);

// Whether numbers without a unit in this country's zone names are miles per hour (GB, US: the
// countries whose zone values with numbers are in use in OSM; others sign in km/h).
bool uses_mph(std::string_view country);

// Converts miles per hour and knots to tenths of km/h, rounded.
uint16_t mph_to_tenths_kmh(double mph);
uint16_t knots_to_tenths_kmh(double knots);

}  // namespace drivelog::osm
