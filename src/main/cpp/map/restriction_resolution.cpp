#include "map/restriction_resolution.hpp"

#include <algorithm>
#include <tuple>

namespace drivelog::map::build {

std::vector<TurnRestriction> resolve_restrictions(const RoadGraph& graph, std::span<const RestrictionInput> restrictions,
                                                  BuildStats& stats) {
  std::vector<TurnRestriction> out;
  std::vector<uint32_t> from_edges, to_edges;
  for (const RestrictionInput& in : restrictions) {
    const auto drop = [&](const char* why) {
      ++stats.restrictions_dropped;
      stats.problems[why]++;
    };
    if (!in.via_ways.empty()) {
      drop("restriction via way (not supported)");
      continue;
    }
    const uint32_t via = graph.graph_node(in.via_node);
    if (via == kNone) {
      drop("restriction via node not a junction of kept roads");
      continue;
    }
    from_edges.clear();
    to_edges.clear();
    for (const AdjacentEdge a : graph.adjacent(via)) {
      const int64_t way = graph.records[a.edge()].osm_way_id;
      if (way == in.from_way) from_edges.push_back(a.edge());
      if (way == in.to_way) to_edges.push_back(a.edge());
    }
    if (from_edges.empty() || to_edges.empty()) {
      drop("restriction from/to way not at its via node");
      continue;
    }
    const std::size_t before = out.size();
    for (const uint32_t f : from_edges) {
      for (const uint32_t t : to_edges) {
        // On one way through the via node, only the turn back onto the same edge is a U-turn.
        if (in.from_way == in.to_way && f != t) continue;
        TurnRestriction r;
        r.from_edge = f;
        r.via_node = via;
        r.to_edge = t;
        r.kind = in.kind;
        r.osm_relation_id = in.osm_relation_id;
        out.push_back(r);
      }
    }
    if (out.size() > before) ++stats.turn_restrictions;
  }
  std::sort(out.begin(), out.end(), [](const TurnRestriction& a, const TurnRestriction& b) {
    return std::tie(a.from_edge, a.via_node, a.to_edge, a.osm_relation_id) <
           std::tie(b.from_edge, b.via_node, b.to_edge, b.osm_relation_id);
  });
  return out;
}

}  // namespace drivelog::map::build
