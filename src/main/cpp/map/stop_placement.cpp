#include "map/stop_placement.hpp"

#include <algorithm>
#include <limits>

#include "map/road_importance.hpp"

namespace drivelog::map::build {

std::vector<StopSign> place_stop_signs(const RoadGraph& graph, std::span<const StopInput> stops, BuildStats& stats) {
  std::vector<StopSign> stop_signs;
  uint64_t off_road = 0, without_approach = 0;
  for (const StopInput& stop : stops) {
    const uint32_t g = graph.graph_node(stop.osm_node_id);
    if (g == kNone) {
      ++off_road;
      continue;
    }
    const auto adj = graph.adjacent(g);
    int best = std::numeric_limits<int>::max(), worst = std::numeric_limits<int>::min();
    for (const AdjacentEdge a : adj) {
      const int rank = road_importance(graph.records[a.edge()].road_class);
      best = std::min(best, rank);
      worst = std::max(worst, rank);
    }
    const std::size_t before = stop_signs.size();
    for (const AdjacentEdge a : adj) {
      const EdgeRecord& r = graph.records[a.edge()];
      // Traffic approaching the node on this edge moves forward if the node is the edge's to_node.
      const bool approach_forward = a.reversed();
      if (!r.has(approach_forward ? edge_flags::kForwardAllowed : edge_flags::kBackwardAllowed)) continue;
      bool applies = false;
      switch (stop.direction) {
        case StopDirection::forward: applies = approach_forward; break;
        case StopDirection::backward: applies = !approach_forward; break;
        case StopDirection::all: applies = best == worst || road_importance(r.road_class) > best; break;
        case StopDirection::all_way: applies = true; break;
      }
      if (applies) stop_signs.push_back(StopSign{a.edge(), g, stop.osm_node_id});
    }
    if (stop_signs.size() == before) {
      ++without_approach;
    } else {
      ++stats.stop_signs;
    }
  }
  stats.stops_dropped = off_road + without_approach;
  if (off_road > 0) stats.problems["stop sign not on a kept road"] = off_road;
  if (without_approach > 0) stats.problems["stop sign with no legal approach in its direction"] = without_approach;

  std::sort(stop_signs.begin(), stop_signs.end(), [](const StopSign& a, const StopSign& b) {
    return a.edge != b.edge ? a.edge < b.edge : a.node < b.node;
  });
  // The same node tagged twice (or a loop edge) must not yield duplicate approaches.
  stop_signs.erase(std::unique(stop_signs.begin(), stop_signs.end(),
                               [](const StopSign& a, const StopSign& b) { return a.edge == b.edge && a.node == b.node; }),
                   stop_signs.end());
  return stop_signs;
}

}  // namespace drivelog::map::build
