// Which turns the map's via-node restrictions forbid: shared by the matcher (which prices a
// forbidden turn as a prior) and the detector (which reports one).
#pragma once

#include <cstdint>

#include "map/map_types.hpp"
#include "map/map_view.hpp"

namespace drivelog::map {

// The restriction that forbids driving from `from_edge` through `via_node` into `to_edge`, or
// nullptr. `no`: that turn is named. `only`: the node has only_* rules for the from edge and none
// names the to edge; a U-turn (to_edge == from_edge) is left to no_u_turn rules, because only_*
// relations rarely mean to forbid it and, at a junction, it is mostly matching noise around a stop.
const TurnRestriction* forbidding_restriction(const MapView& map, uint32_t from_edge, uint32_t via_node, uint32_t to_edge);

// The same, answered from the edge flag alone when the from edge has no restriction (the usual case).
inline bool turn_forbidden(const MapView& map, uint32_t from_edge, uint32_t via_node, uint32_t to_edge) {
  return map.edge(from_edge).has(edge_flags::kRestrictedFrom) &&
         forbidding_restriction(map, from_edge, via_node, to_edge) != nullptr;
}

}  // namespace drivelog::map
