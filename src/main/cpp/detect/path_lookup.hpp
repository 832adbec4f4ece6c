// Small questions the rules ask about the matched path and the map.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "detect/speed_profile.hpp"
#include "legal/conditional.hpp"
#include "map/map_types.hpp"
#include "map/map_view.hpp"
#include "match/matched_path.hpp"
#include "match/path_geometry.hpp"
#include "match/trace.hpp"

namespace drivelog::detect {

class ConditionalRules;

// Everything a rule reads about one trip; all of it owned by the caller.
struct TripView {
  const map::MapView& map;
  std::span<const match::TracePoint> trace;
  const match::MatchResult& match;
  const SpeedProfile& speeds;
  ConditionalRules& conditionals;  // the map's conditional restrictions, judged for the analysed vehicle
};

// The speed limit for travel in one direction, tenths of km/h (kSpeedUnknown / kSpeedUnlimited).
inline uint16_t limit_tenths_kmh(const map::EdgeRecord& e, bool forward) {
  return forward ? e.maxspeed_forward : e.maxspeed_backward;
}

// True when driving the edge in this direction goes against a one-way restriction.
inline bool against_oneway(const map::EdgeRecord& e, bool forward) {
  if (!e.oneway() || e.has(map::edge_flags::kReversible)) return false;
  return !e.has(forward ? map::edge_flags::kForwardAllowed : map::edge_flags::kBackwardAllowed);
}

inline uint32_t exit_node(const map::EdgeRecord& e, bool forward) { return forward ? e.to_node : e.from_node; }

// True when the traversal ran to the end of its edge and the next one starts at that node.
bool passes_through_end(const TripView& trip, std::size_t traversal);

// The matched position at path distance s_m on a traversal.
map::Coord position_at(const map::MapView& map, const match::Traversal& t, double s_m);
// The same through `walk`, which measures the traversal's edge once for all points asked of it in a row.
map::Coord position_at(const map::MapView& map, const match::Traversal& t, double s_m, match::EdgeWalk& walk);

// Adds `way` to `ways` unless it is there already.
void add_way(std::vector<int64_t>& ways, int64_t way);

}  // namespace drivelog::detect
