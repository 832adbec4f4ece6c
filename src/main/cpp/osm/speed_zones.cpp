#include "osm/speed_zones.hpp"

#include <charconv>
#include <cmath>

namespace drivelog::osm {
namespace {

// "zone30", "zone:30", "30" -> 30.
std::optional<int> zone_number(std::string_view zone) {
  if (zone.starts_with("zone:")) zone.remove_prefix(5);
  else if (zone.starts_with("zone")) zone.remove_prefix(4);
  int value = 0;
  const auto [end, ec] = std::from_chars(zone.data(), zone.data() + zone.size(), value);
  if (ec != std::errc{} || end != zone.data() + zone.size() || value <= 0 || value > 200) return std::nullopt;
  return value;
}

}  // namespace

uint16_t mph_to_tenths_kmh(double value) { return static_cast<uint16_t>(std::lround(value * 16.09344)); }
uint16_t knots_to_tenths_kmh(double value) { return static_cast<uint16_t>(std::lround(value * 18.52)); }

bool uses_mph(std::string_view country) { return country == "GB" || country == "US"; }

std::optional<uint16_t> numeric_zone_limit(std::string_view country, std::string_view zone) {
  if (country.empty()) return std::nullopt;
  if (zone == "walk") return kWalkTenthsKmh;
  if (const auto number = zone_number(zone)) {
    return uses_mph(country) ? mph_to_tenths_kmh(*number) : static_cast<uint16_t>(*number * 10);
  }
  return std::nullopt;
}

}  // namespace drivelog::osm
