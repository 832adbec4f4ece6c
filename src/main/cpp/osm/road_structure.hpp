// How a road is built and used, from OSM tags: bridge and tunnel flags, the vertical layer that
// tells stacked roads apart, and the minor use of a service road (car-park aisle, driveway, ...).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "map/map_types.hpp"
#include "osm/tags.hpp"

namespace drivelog::osm {

struct RoadStructure {
  uint16_t flags = 0;  // map::edge_flags::kBridge / kTunnel
  int8_t layer = 0;    // `layer` (-5..5); untagged bridges 1, untagged tunnels -1, else 0
  map::RoadUse use = map::RoadUse::general;
  // A `layer` value that is not a whole number in [-5, 5] (then treated as untagged).
  std::optional<std::pair<std::string_view, std::string_view>> invalid;
};

RoadStructure interpret_structure(const Tags& tags);

}  // namespace drivelog::osm
