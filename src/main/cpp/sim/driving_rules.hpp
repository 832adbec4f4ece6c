// What a car may legally do on the map: which directions of an edge it may drive and which turns
// it may make. The simulator routes by these rules and breaks them only on purpose.
#pragma once

#include <climits>
#include <cmath>
#include <cstdint>
#include <span>

#include "map/map_types.hpp"
#include "map/map_view.hpp"

namespace drivelog::sim {

// An edge driven in one direction: `reversed` means from its to_node to its from_node.
struct DirectedEdge {
  uint32_t edge = 0;
  bool reversed = false;

  [[nodiscard]] uint32_t key() const { return edge << 1 | (reversed ? 1u : 0u); }
  static DirectedEdge from_key(uint32_t key) { return DirectedEdge{key >> 1, (key & 1u) != 0}; }
  friend bool operator==(const DirectedEdge&, const DirectedEdge&) = default;
};

inline uint32_t start_node(const map::MapView& map, DirectedEdge d) {
  const auto& e = map.edge(d.edge);
  return d.reversed ? e.to_node : e.from_node;
}

inline uint32_t end_node(const map::MapView& map, DirectedEdge d) {
  const auto& e = map.edge(d.edge);
  return d.reversed ? e.from_node : e.to_node;
}

// True if the edge's flags allow driving it in this direction (ignoring closure).
inline bool direction_allowed(const map::MapView& map, DirectedEdge d) {
  return map.edge(d.edge).has(d.reversed ? map::edge_flags::kBackwardAllowed : map::edge_flags::kForwardAllowed);
}

inline bool closed(const map::MapView& map, DirectedEdge d) { return map.edge(d.edge).has(map::edge_flags::kClosed); }

// Whether the edge's access or direction depends on the time (conditional restrictions,
// docs/CONDITIONAL.md). The simulator does not judge those yet: it neither drives such an edge on
// a legal leg nor picks it for an injected violation, so its ground truth never disagrees with the
// engine's time-dependent verdict.
// Plain per-class records (`hgv=no`) do not depend on the time: TimedRules judges them for the
// simulated vehicle; a car's plain rules are the edge's flags. (A plain access record that follows a
// `oneway:conditional` has its times, but sits on an edge with that conditional's record.)
inline bool time_dependent(const map::MapView& map, DirectedEdge d) {
  for (const map::ConditionalRestriction& r : map.conditionals_on(d.edge)) {
    if (!r.plain()) return true;
  }
  return false;
}

// Whether a plain per-class record binds a car driving `d` (its directional access,
// `motor_vehicle:backward=no`: off the edge's direction flags, but a no_entry, not a wrong_way;
// docs/CONDITIONAL.md, "Directions"). Injections of one kind of violation leave these alone.
inline bool car_class_keyed(const map::MapView& map, DirectedEdge d) {
  for (const map::ConditionalRestriction& r : map.conditionals_on(d.edge)) {
    if (r.plain() && r.binds(!d.reversed, map::vehicle_bits::kCar)) return true;
  }
  return false;
}

// Legal to drive: open to cars and in an allowed direction, whatever the time.
inline bool legal_to_drive(const map::MapView& map, DirectedEdge d) {
  return direction_allowed(map, d) && !closed(map, d) && !time_dependent(map, d);
}

// The restriction that forbids a car turning from `in` into `out` at their shared node, or nullptr:
// every stored restriction that binds a car, as if in force at every time. Legal legs avoid these
// turns (safe whatever the time), as they follow the car's plain rules of the roads (docs/CONDITIONAL.md,
// "Simulated"); what a turn made breaks is judged by TimedRules::turn_at for the simulated vehicle,
// as the engine judges it.
inline const map::TurnRestriction* forbidding_restriction(const map::MapView& map, DirectedEdge in, DirectedEdge out) {
  const uint32_t via = end_node(map, in);
  for (const auto& r : map.restrictions_from(in.edge)) {
    if (r.via_node != via || (r.vehicles & map::vehicle_bits::kCar) == 0) continue;
    if (r.kind == map::RestrictionKind::no && r.to_edge == out.edge) return &r;
    if (r.kind == map::RestrictionKind::only && r.to_edge != out.edge) return &r;
  }
  return nullptr;
}

// The speed limit for driving `d` in km/h on `local_day` (days since 1970-01-01; the default: the
// law as the map's base rules give it, before any date-effective change); 0 if unknown, negative if
// unlimited. The same rule as the engine's (MapView::limit_in_force).
inline double limit_kmh(const map::MapView& map, DirectedEdge d, int32_t local_day = INT32_MIN) {
  const uint16_t raw = map.limit_in_force(d.edge, !d.reversed, local_day).tenths_kmh;
  if (raw == map::kSpeedUnlimited) return -1;
  return raw / 10.0;
}

// The local day on `d` at `utc_ms` (the map's time zones), for limit_kmh. An edge's clock is that of
// its from_node in either direction, as the engine reads it (detect/conditional_rules.cpp): an edge
// whose ends lie in two zones must be judged on the same day by both, or the simulator's legal car
// would be read as speeding on a day's change of limit.
inline int32_t local_day_at(const map::MapView& map, DirectedEdge d, int64_t utc_ms) {
  const auto& e = map.edge(d.edge);
  const double utc_s = static_cast<double>(utc_ms) / 1000.0;
  const int32_t offset = map.utc_offset_seconds(map.time_zone_at(map.node_coord(e.from_node)), utc_s);
  return static_cast<int32_t>(std::floor((utc_s + offset) / 86400.0));
}

// The directed edges leaving `node` (every incident edge, in the direction away from the node).
template <typename Visit>
void for_each_leaving(const map::MapView& map, uint32_t node, Visit&& visit) {
  for (const auto adjacent : map.adjacent(node)) {
    visit(DirectedEdge{adjacent.edge(), adjacent.reversed()});
  }
}

}  // namespace drivelog::sim
