// Which directions a car may drive a way. `oneway=yes|true|1` forward only, `-1|reverse` backward
// only, `no|false|0` both, `reversible|alternating` both (time-dependent, flagged). With no
// `oneway` tag, `junction=roundabout|circular` and highway=motorway|motorway_link imply forward
// only. `oneway:motorcar` / `oneway:motor_vehicle` win over `oneway` for cars.
#pragma once

#include <optional>
#include <string_view>

#include "map/map_types.hpp"
#include "osm/tags.hpp"

namespace drivelog::osm {

struct Oneway {
  bool forward = true;
  bool backward = true;
  bool implicit = false;    // implied, not tagged
  bool reversible = false;  // reversible / alternating
  bool roundabout = false;  // junction=roundabout
  std::optional<std::string_view> invalid_key;    // a oneway value we could not read (treated as two-way)
  std::string_view invalid_value;

  [[nodiscard]] uint16_t edge_flags() const;
};

Oneway interpret_oneway(const Tags& tags, map::RoadClass road_class);

}  // namespace drivelog::osm
