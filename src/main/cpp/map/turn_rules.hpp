// Which turns the map's via-node restrictions forbid: shared by the matcher (which prices a
// forbidden turn as a prior) and the detector (which reports one).
#pragma once

#include <cstdint>
#include <optional>

#include "map/map_types.hpp"
#include "map/map_view.hpp"

namespace drivelog::map {

// The kind the matcher prices a restriction as: every one that binds a car, a time-dependent one
// as if in force (the matcher reads no times; docs/CONDITIONAL.md, "Turn restrictions").
inline std::optional<RestrictionKind> priced_kind(const TurnRestriction& r) {
  if ((r.vehicles & vehicle_bit(VehicleClass::car)) == 0) return std::nullopt;
  return r.kind;
}

// The restriction that forbids driving from `from_edge` through `via_node` into `to_edge`, or
// nullptr, with `kind_of(restriction)` the kind in force of each (nothing: not in force). `no`:
// that turn is named. `only`: the node has only_* rules in force for the from edge and none names
// the to edge; a U-turn (to_edge == from_edge) is left to no_u_turn rules, because only_*
// relations rarely mean to forbid it and, at a junction, it is mostly matching noise around a stop.
template <typename KindOf>
const TurnRestriction* forbidding_restriction(const MapView& map, uint32_t from_edge, uint32_t via_node, uint32_t to_edge,
                                              KindOf kind_of) {
  const TurnRestriction* only_rule = nullptr;
  bool only_satisfied = false;
  for (const TurnRestriction& r : map.restrictions_from(from_edge)) {
    if (r.via_node != via_node) continue;
    const std::optional<RestrictionKind> kind = kind_of(r);
    if (kind == RestrictionKind::no && r.to_edge == to_edge) return &r;
    if (kind == RestrictionKind::only) {
      only_rule = &r;
      only_satisfied |= r.to_edge == to_edge;
    }
  }
  return only_rule != nullptr && !only_satisfied && to_edge != from_edge ? only_rule : nullptr;
}

// The same with the kinds the matcher prices.
inline const TurnRestriction* forbidding_restriction(const MapView& map, uint32_t from_edge, uint32_t via_node,
                                                     uint32_t to_edge) {
  return forbidding_restriction(map, from_edge, via_node, to_edge, priced_kind);
}

// The same, answered from the edge flag alone when the from edge has no restriction (the usual case).
// Always inlined: asked per pair of states in the Viterbi step, where GCC made it a call once the
// step grew (1.3M instructions on the town, where the flag test alone is a few).
[[gnu::always_inline]] inline bool turn_forbidden(const MapView& map, uint32_t from_edge, uint32_t via_node, uint32_t to_edge) {
  return map.edge(from_edge).has(edge_flags::kRestrictedFrom) &&
         forbidding_restriction(map, from_edge, via_node, to_edge) != nullptr;
}

}  // namespace drivelog::map
