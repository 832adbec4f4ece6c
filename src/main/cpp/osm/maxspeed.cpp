#include "osm/maxspeed.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>

#include "osm/speed_zones.hpp"
#include "osm/tags.hpp"

namespace drivelog::osm {
namespace {

constexpr double kMaxPlausibleKmh = 300;

SpeedValue limit(uint16_t tenths, map::SpeedSource source, std::string_view country = {}) {
  return SpeedValue{SpeedValue::Kind::limit, tenths, source, country, {}};
}

bool is_country_code(std::string_view s) {
  return s.size() == 2 && std::isupper(static_cast<unsigned char>(s[0])) && std::isupper(static_cast<unsigned char>(s[1]));
}

// "urban", "nsl_single", "living_street": lower-case words.
bool is_zone_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// "50", "50.5", "30 mph", "30mph", "10 knots", "50 km/h".
SpeedValue parse_number_with_unit(std::string_view value) {
  std::size_t digits = 0;
  while (digits < value.size() && (std::isdigit(static_cast<unsigned char>(value[digits])) || value[digits] == '.')) ++digits;
  if (digits == 0) return {};
  const std::string number(value.substr(0, digits));
  char* end = nullptr;
  const double amount = std::strtod(number.c_str(), &end);
  if (end != number.c_str() + number.size() || !(amount > 0)) return {};
  const std::string unit = lower(trim(value.substr(digits)));
  double kmh = 0;
  uint16_t tenths = 0;
  if (unit.empty() || unit == "km/h" || unit == "kmh" || unit == "kph") {
    kmh = amount;
    tenths = static_cast<uint16_t>(std::lround(std::min(amount, kMaxPlausibleKmh + 1) * 10));
  } else if (unit == "mph") {
    kmh = amount * 1.609344;
    tenths = mph_to_tenths_kmh(std::min(amount, kMaxPlausibleKmh));
  } else if (unit == "knots") {
    kmh = amount * 1.852;
    tenths = knots_to_tenths_kmh(std::min(amount, kMaxPlausibleKmh));
  } else {
    return {};
  }
  if (kmh > kMaxPlausibleKmh) return {};
  return limit(tenths, map::SpeedSource::explicit_tag);
}

SpeedValue parse_single(std::string_view value) {
  value = trim(value);
  if (value.empty()) return {};
  if (value == "none") return limit(map::kSpeedUnlimited, map::SpeedSource::explicit_tag);
  if (value == "signals" || value == "variable") return SpeedValue{SpeedValue::Kind::variable, map::kSpeedUnknown, map::SpeedSource::none, {}, {}};
  if (value == "walk") return limit(kWalkTenthsKmh, map::SpeedSource::explicit_tag);
  const std::size_t colon = value.find(':');
  if (colon != std::string_view::npos) {
    const std::string_view country = value.substr(0, colon);
    if (!is_country_code(country)) return {};
    const std::string_view zone = trim(value.substr(colon + 1));
    // A numeric zone is a signed number, not the law's default: `tag`, so that the engine keeps it
    // (a `zone` limit is replaced by the speed rule in force on the fix's date).
    if (const auto number = numeric_zone_limit(country, zone)) return limit(*number, map::SpeedSource::explicit_tag, country);
    if (!is_zone_name(zone)) return {};
    return SpeedValue{SpeedValue::Kind::named_zone, map::kSpeedUnknown, map::SpeedSource::implicit_zone, country, zone};
  }
  return parse_number_with_unit(value);
}

}  // namespace

SpeedValue parse_maxspeed(std::string_view value) {
  if (value.find(';') == std::string_view::npos) return parse_single(value);
  SpeedValue best;
  bool first = true;
  while (true) {
    const std::size_t semi = value.find(';');
    const SpeedValue part = parse_single(value.substr(0, semi));
    if (part.kind != SpeedValue::Kind::limit) return {};
    if (first || part.tenths_kmh > best.tenths_kmh) best = part;
    first = false;
    if (semi == std::string_view::npos) break;
    value.remove_prefix(semi + 1);
  }
  return best;
}

}  // namespace drivelog::osm
