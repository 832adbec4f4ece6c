#include "map/stop_placement.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include "map/road_importance.hpp"

namespace drivelog::map::build {
namespace {

// How far from a junction a directionless stop on its approach may stand: the stop line is a few
// metres before the crossing road, further on wide roads.
constexpr double kApproachReachM = 40;

// Along the road that leaves `node` by `first` (through nodes that only join two edges), the
// distance to the next junction (three or more edges), or nothing for a dead end, a loop back or
// a junction beyond kApproachReachM.
std::optional<double> distance_to_junction(const RoadGraph& graph, uint32_t node, AdjacentEdge first) {
  double distance = 0;
  AdjacentEdge via = first;
  for (int hops = 0; hops < 64; ++hops) {
    const EdgeRecord& r = graph.records[via.edge()];
    distance += r.length_m;
    if (distance > kApproachReachM) return std::nullopt;
    const uint32_t next = via.reversed() ? r.from_node : r.to_node;
    if (next == node) return std::nullopt;
    const auto adj = graph.adjacent(next);
    if (adj.size() >= 3) return distance;
    if (adj.size() < 2) return std::nullopt;
    // Continue on the other edge; a loop edge (both entries one edge) leads nowhere new.
    const AdjacentEdge other = adj[0].edge() == via.edge() ? adj[1] : adj[0];
    if (other.edge() == via.edge()) return std::nullopt;
    via = other;
  }
  return std::nullopt;
}

// For a directionless stop on a plain stretch of road (two edges meet at its node): the entry of
// the edge on the side away from the nearer junction within reach, whose traffic drives towards
// that junction past the sign (OSM's "minor road stop" convention: the node goes on the approach,
// at the stopping point). Nothing if no junction is within reach on either side.
std::optional<AdjacentEdge> approach_to_nearer_junction(const RoadGraph& graph, uint32_t node) {
  const auto adj = graph.adjacent(node);
  if (adj.size() != 2 || adj[0].edge() == adj[1].edge()) return std::nullopt;
  const auto ahead0 = distance_to_junction(graph, node, adj[0]);
  const auto ahead1 = distance_to_junction(graph, node, adj[1]);
  if (!ahead0 && !ahead1) return std::nullopt;
  const bool junction_via_0 = ahead0 && (!ahead1 || *ahead0 <= *ahead1);
  return junction_via_0 ? adj[1] : adj[0];
}

}  // namespace

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
    const std::optional<AdjacentEdge> towards_junction =
        stop.direction == StopDirection::all ? approach_to_nearer_junction(graph, g) : std::nullopt;
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
        case StopDirection::all:
          applies = towards_junction ? a.value == towards_junction->value
                                     : best == worst || road_importance(r.road_class) > best;
          break;
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
