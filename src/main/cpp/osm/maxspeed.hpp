// One `maxspeed`-like tag value, read the way OSM documents it: "50", "30 mph", "10 knots",
// "walk", "none", "signals"/"variable", implicit "FR:zone30" / "FR:30", named zones "DE:urban"
// (whose number the legal-default-speeds dataset gives later, per road type), and several values
// "50;30" (the highest is kept, so a driver is never judged against the lower one).
#pragma once

#include <cstdint>
#include <string_view>

#include "map/map_types.hpp"

namespace drivelog::osm {

struct SpeedValue {
  enum class Kind : uint8_t {
    limit,      // tenths_kmh holds the limit (kSpeedUnlimited for "none")
    variable,   // "signals", "variable": a limit exists but is not in the data
    named_zone, // "DE:urban", "JP:rural": the legal default of that zone; `country` and `zone` say which
    invalid,    // not a value we can read
  };
  Kind kind = Kind::invalid;
  uint16_t tenths_kmh = map::kSpeedUnknown;
  map::SpeedSource source = map::SpeedSource::none;  // explicit_tag or implicit_zone
  std::string_view country;  // "DE" for implicit values like "DE:urban"; empty otherwise
  std::string_view zone;     // "urban" for named zones
};

SpeedValue parse_maxspeed(std::string_view value);

}  // namespace drivelog::osm
