#include "osm/speed_zones.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace drivelog::osm {
namespace {

using map::kSpeedUnlimited;
using map::RoadClass;

constexpr uint16_t kmh(int v) { return static_cast<uint16_t>(v * 10); }
constexpr uint16_t mph(int v) { return static_cast<uint16_t>(v * 16.09344 + 0.5); }
constexpr uint16_t kWalk = kWalkTenthsKmh;

struct ZoneRow {
  std::string_view country;
  std::string_view zone;
  uint16_t limit;  // tenths of km/h
};

// Sources: national road traffic codes as summarised on the OSM wiki page
// "Default speed limits" (2024). Where a country's rural limit differs by region (BE), the higher.
constexpr std::array kZones = {
    ZoneRow{"AT", "urban", kmh(50)},  ZoneRow{"AT", "rural", kmh(100)},  ZoneRow{"AT", "motorway", kmh(130)},
    ZoneRow{"AT", "trunk", kmh(100)}, ZoneRow{"AT", "living_street", kWalk},
    ZoneRow{"AU", "urban", kmh(50)},  ZoneRow{"AU", "rural", kmh(100)},  ZoneRow{"AU", "motorway", kmh(110)},
    ZoneRow{"BE", "urban", kmh(50)},  ZoneRow{"BE", "rural", kmh(90)},   ZoneRow{"BE", "motorway", kmh(120)},
    ZoneRow{"BE", "living_street", kmh(20)},
    ZoneRow{"CA", "urban", kmh(50)},  ZoneRow{"CA", "rural", kmh(80)},   ZoneRow{"CA", "motorway", kmh(100)},
    ZoneRow{"CH", "urban", kmh(50)},  ZoneRow{"CH", "rural", kmh(80)},   ZoneRow{"CH", "motorway", kmh(120)},
    ZoneRow{"CH", "trunk", kmh(100)}, ZoneRow{"CH", "living_street", kmh(20)},
    ZoneRow{"CZ", "urban", kmh(50)},  ZoneRow{"CZ", "rural", kmh(90)},   ZoneRow{"CZ", "motorway", kmh(130)},
    ZoneRow{"CZ", "trunk", kmh(110)}, ZoneRow{"CZ", "living_street", kmh(20)},
    ZoneRow{"DE", "urban", kmh(50)},  ZoneRow{"DE", "rural", kmh(100)},  ZoneRow{"DE", "motorway", kSpeedUnlimited},
    ZoneRow{"DE", "living_street", kWalk}, ZoneRow{"DE", "bicycle_road", kmh(30)},
    ZoneRow{"DK", "urban", kmh(50)},  ZoneRow{"DK", "rural", kmh(80)},   ZoneRow{"DK", "motorway", kmh(130)},
    ZoneRow{"ES", "urban", kmh(50)},  ZoneRow{"ES", "rural", kmh(90)},   ZoneRow{"ES", "motorway", kmh(120)},
    ZoneRow{"ES", "trunk", kmh(100)}, ZoneRow{"ES", "living_street", kmh(20)},
    ZoneRow{"FI", "urban", kmh(50)},  ZoneRow{"FI", "rural", kmh(80)},   ZoneRow{"FI", "motorway", kmh(120)},
    ZoneRow{"FR", "urban", kmh(50)},  ZoneRow{"FR", "rural", kmh(80)},   ZoneRow{"FR", "motorway", kmh(130)},
    ZoneRow{"FR", "trunk", kmh(110)}, ZoneRow{"FR", "living_street", kmh(20)},
    ZoneRow{"GB", "urban", mph(30)},  ZoneRow{"GB", "nsl_restricted", mph(30)}, ZoneRow{"GB", "nsl_single", mph(60)},
    ZoneRow{"GB", "nsl_dual", mph(70)}, ZoneRow{"GB", "motorway", mph(70)}, ZoneRow{"GB", "rural", mph(60)},
    ZoneRow{"HU", "urban", kmh(50)},  ZoneRow{"HU", "rural", kmh(90)},   ZoneRow{"HU", "motorway", kmh(130)},
    ZoneRow{"HU", "trunk", kmh(110)},
    ZoneRow{"IT", "urban", kmh(50)},  ZoneRow{"IT", "rural", kmh(90)},   ZoneRow{"IT", "motorway", kmh(130)},
    ZoneRow{"IT", "trunk", kmh(110)},
    ZoneRow{"NL", "urban", kmh(50)},  ZoneRow{"NL", "rural", kmh(80)},   ZoneRow{"NL", "motorway", kmh(130)},
    ZoneRow{"NL", "trunk", kmh(100)}, ZoneRow{"NL", "living_street", kmh(15)},
    ZoneRow{"NO", "urban", kmh(50)},  ZoneRow{"NO", "rural", kmh(80)},
    ZoneRow{"PL", "urban", kmh(50)},  ZoneRow{"PL", "rural", kmh(90)},   ZoneRow{"PL", "motorway", kmh(140)},
    ZoneRow{"PL", "trunk", kmh(120)}, ZoneRow{"PL", "living_street", kmh(20)},
    ZoneRow{"PT", "urban", kmh(50)},  ZoneRow{"PT", "rural", kmh(90)},   ZoneRow{"PT", "motorway", kmh(120)},
    ZoneRow{"PT", "trunk", kmh(100)},
    ZoneRow{"RO", "urban", kmh(50)},  ZoneRow{"RO", "rural", kmh(90)},   ZoneRow{"RO", "motorway", kmh(130)},
    ZoneRow{"RO", "trunk", kmh(100)},
    ZoneRow{"RU", "urban", kmh(60)},  ZoneRow{"RU", "rural", kmh(90)},   ZoneRow{"RU", "motorway", kmh(110)},
    ZoneRow{"RU", "living_street", kmh(20)},
    ZoneRow{"SE", "urban", kmh(50)},  ZoneRow{"SE", "rural", kmh(70)},   ZoneRow{"SE", "motorway", kmh(110)},
    ZoneRow{"SK", "urban", kmh(50)},  ZoneRow{"SK", "rural", kmh(90)},   ZoneRow{"SK", "motorway", kmh(130)},
    ZoneRow{"UA", "urban", kmh(50)},  ZoneRow{"UA", "rural", kmh(90)},   ZoneRow{"UA", "motorway", kmh(130)},
    ZoneRow{"UA", "living_street", kmh(20)},
    // The US has no national limits; these are the most common state statutory values, high side.
    ZoneRow{"US", "urban", mph(25)},  ZoneRow{"US", "rural", mph(55)},   ZoneRow{"US", "motorway", mph(70)},
    ZoneRow{"US", "trunk", mph(55)},
    // Used when no country is known.
    ZoneRow{"", "urban", kmh(50)},    ZoneRow{"", "rural", kmh(90)},     ZoneRow{"", "motorway", kmh(120)},
    ZoneRow{"", "trunk", kmh(100)},   ZoneRow{"", "living_street", kmh(20)},
};

std::optional<uint16_t> table_lookup(std::string_view country, std::string_view zone) {
  for (const ZoneRow& row : kZones) {
    if (row.country == country && row.zone == zone) return row.limit;
  }
  return std::nullopt;
}

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

bool is_known_country(std::string_view country) {
  if (country.empty()) return false;
  for (const ZoneRow& row : kZones) {
    if (row.country == country) return true;
  }
  return false;
}

std::optional<uint16_t> zone_limit(std::string_view country, std::string_view zone) {
  if (country.empty()) return std::nullopt;
  if (zone == "walk") return kWalk;
  if (auto limit = table_lookup(country, zone)) return limit;
  if (const auto number = zone_number(zone)) {
    return uses_mph(country) ? mph(*number) : kmh(*number);
  }
  // A country we know with a zone name it lacks stays unknown: no guess.
  return std::nullopt;
}

map::DefaultSpeeds country_default_speeds(std::string_view country) {
  const std::string_view c = is_known_country(country) ? country : std::string_view{};
  // The country's first zone that it has, else the international row's first.
  const auto pick = [&](std::initializer_list<std::string_view> zones) -> uint16_t {
    if (!c.empty()) {
      for (const std::string_view zone : zones) {
        if (auto v = table_lookup(c, zone)) return *v;
      }
    }
    for (const std::string_view zone : zones) {
      if (auto v = table_lookup("", zone)) return *v;
    }
    return map::kSpeedUnknown;
  };
  map::DefaultSpeeds d{};
  const auto set = [&](RoadClass rc, uint16_t v) { d[static_cast<std::size_t>(rc)] = v; };
  const uint16_t motorway = pick({"motorway", "rural"});
  const uint16_t trunk = pick({"trunk", "rural"});
  const uint16_t rural = pick({"rural"});
  const uint16_t urban = pick({"urban"});
  const uint16_t living = pick({"living_street", "urban"});
  set(RoadClass::motorway, motorway);
  set(RoadClass::motorway_link, motorway);
  set(RoadClass::trunk, trunk);
  set(RoadClass::trunk_link, trunk);
  for (RoadClass rc : {RoadClass::primary, RoadClass::secondary, RoadClass::tertiary, RoadClass::unclassified,
                       RoadClass::primary_link, RoadClass::secondary_link, RoadClass::tertiary_link}) {
    set(rc, rural);
  }
  set(RoadClass::residential, urban);
  set(RoadClass::service, urban);
  set(RoadClass::road, urban);
  set(RoadClass::living_street, living);
  set(RoadClass::track, map::kSpeedUnknown);  // tracks are rarely driven; no limit is better than a guess
  return d;
}

}  // namespace drivelog::osm
