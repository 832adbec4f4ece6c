#include "map/turn_rules.hpp"

namespace drivelog::map {

const TurnRestriction* forbidding_restriction(const MapView& map, uint32_t from_edge, uint32_t via_node, uint32_t to_edge) {
  const TurnRestriction* only_rule = nullptr;
  bool only_satisfied = false;
  for (const TurnRestriction& r : map.restrictions_from(from_edge)) {
    if (r.via_node != via_node) continue;
    if (r.kind == RestrictionKind::no && r.to_edge == to_edge) return &r;
    if (r.kind == RestrictionKind::only) {
      only_rule = &r;
      only_satisfied |= r.to_edge == to_edge;
    }
  }
  return only_rule != nullptr && !only_satisfied && to_edge != from_edge ? only_rule : nullptr;
}

}  // namespace drivelog::map
