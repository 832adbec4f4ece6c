// The `drivelog map info` JSON document for an open map (also returned by the C ABI).
#pragma once

#include <string>

#include "map/map_view.hpp"

namespace drivelog::map {

// One JSON object on one line: format_version, nodes, edges, oneway_edges, speed_limited_edges,
// stop_signs, turn_restrictions, bbox, bytes, source and a few grid facts (docs/MAP_FORMAT.md).
std::string map_info_json(const MapView& map);

}  // namespace drivelog::map
