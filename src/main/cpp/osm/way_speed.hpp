// A way's speed limit per direction from all its limit tags. Precedence, per direction:
// `maxspeed:forward|backward`, then `maxspeed`, then an implicit zone from `maxspeed:type`,
// `zone:maxspeed` or `source:maxspeed` (only "CC:zone" values). A direction with nothing stays
// unknown; a way with nothing at all gets SpeedSource::none (the country default applies later).
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
  map::SpeedSource source = map::SpeedSource::none;
  std::string_view country;  // the country code of an implicit value, if any (for guessing the country)
};

// Values it cannot read are added to `problems` and otherwise ignored. `maxspeed=signals|variable`
// yields unknown limits with SpeedSource::explicit_tag, so that no country default is put in.
WaySpeed interpret_way_speed(const Tags& tags, TagProblems& problems);

}  // namespace drivelog::osm
