// A way's speed limit per direction from its limit tags. Precedence, per direction:
// `maxspeed:forward|backward`, then `maxspeed`, then an implicit zone from `maxspeed:type`,
// `zone:maxspeed` or `source:maxspeed` (only "CC:zone" values). A direction with none of them gets
// the legal default later (source none here); a named zone ("DE:urban") is read later too, from the
// legal-default-speeds dataset (source implicit_zone, limit unknown here).
#pragma once

#include <cstdint>
#include <string_view>

#include "map/map_types.hpp"
#include "osm/tag_problems.hpp"
#include "osm/tags.hpp"

namespace drivelog::osm {

struct WaySpeed {
  uint16_t forward = map::kSpeedUnknown;   // tenths of km/h
  uint16_t backward = map::kSpeedUnknown;  // tenths of km/h
  map::SpeedSource forward_source = map::SpeedSource::none;
  map::SpeedSource backward_source = map::SpeedSource::none;
  std::string_view zone_country;  // the country code of a named zone value, if any ("DE" of "DE:urban")
  std::string_view zone_name;     // and its name ("urban")
};

// Values it cannot read are added to `problems` and otherwise ignored. `maxspeed=signals|variable`
// yields an unknown limit with SpeedSource::explicit_tag, so that no legal default is put in.
WaySpeed interpret_way_speed(const Tags& tags, TagProblems& problems);

}  // namespace drivelog::osm
