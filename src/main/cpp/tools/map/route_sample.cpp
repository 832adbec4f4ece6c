#include "tools/map/route_sample.hpp"

#include <algorithm>
#include <cmath>
#include <queue>
#include <random>
#include <unordered_map>

#include "map/geo.hpp"

namespace drivelog::tools::map {
namespace {

using drivelog::map::AdjacentEdge;
using drivelog::map::Coord;
using drivelog::map::EdgeRecord;
using drivelog::map::MapView;
namespace flags = drivelog::map::edge_flags;

struct Reached {
  double dist_m;
  uint32_t via_edge;  // UINT32_MAX at the start
  uint32_t prev_node;
};

// Dijkstra from `start` along legal directions, up to `limit_m`; returns the path to the settled
// node whose distance is closest to `length_m`.
SampledRoute shortest_path_of_length(const MapView& map, uint32_t start, double length_m) {
  const double limit_m = length_m * 1.05;
  std::unordered_map<uint32_t, Reached> reached;
  using Item = std::pair<double, uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
  reached[start] = {0, UINT32_MAX, UINT32_MAX};
  queue.push({0, start});
  uint32_t best = start;
  double best_gap = length_m;
  while (!queue.empty()) {
    const auto [d, n] = queue.top();
    queue.pop();
    if (d > reached[n].dist_m) continue;
    if (std::abs(d - length_m) < best_gap) {
      best_gap = std::abs(d - length_m);
      best = n;
    }
    for (const AdjacentEdge a : map.adjacent(n)) {
      const EdgeRecord& e = map.edge(a.edge());
      const bool forward = !a.reversed();
      if (!e.has(forward ? flags::kForwardAllowed : flags::kBackwardAllowed) || e.has(flags::kClosed)) continue;
      const uint32_t next = forward ? e.to_node : e.from_node;
      const double nd = d + e.length_m;
      if (nd > limit_m) continue;
      auto it = reached.find(next);
      if (it == reached.end() || nd < it->second.dist_m) {
        reached[next] = {nd, a.edge(), n};
        queue.push({nd, next});
      }
    }
  }
  SampledRoute route;
  route.length_m = reached[best].dist_m;
  for (uint32_t n = best; reached[n].via_edge != UINT32_MAX; n = reached[n].prev_node) route.edges.push_back(reached[n].via_edge);
  std::reverse(route.edges.begin(), route.edges.end());
  // Orientation of each edge along the route follows from the node sequence.
  uint32_t at = start;
  std::vector<Coord> line;
  for (const uint32_t e : route.edges) {
    const EdgeRecord& r = map.edge(e);
    const auto shape = map.edge_shape(e);
    if (r.from_node == at) {
      line.insert(line.end(), shape.begin(), shape.end());
      at = r.to_node;
    } else {
      line.insert(line.end(), shape.rbegin(), shape.rend());
      at = r.from_node;
    }
  }
  route.points = std::move(line);  // raw vertices; resampled by the caller
  return route;
}

std::vector<Coord> resample(const std::vector<Coord>& line, double spacing_m) {
  std::vector<Coord> out;
  if (line.empty()) return out;
  out.push_back(line.front());
  double carried = 0;
  for (std::size_t i = 1; i < line.size(); ++i) {
    const double seg = drivelog::map::geo::distance_m(line[i - 1], line[i]);
    double t = spacing_m - carried;
    while (t <= seg) {
      const double f = seg > 0 ? t / seg : 0;
      out.push_back(Coord::from_degrees(line[i - 1].lat() + f * (line[i].lat() - line[i - 1].lat()),
                                        line[i - 1].lon() + f * (line[i].lon() - line[i - 1].lon())));
      t += spacing_m;
    }
    carried = seg - (t - spacing_m);
  }
  return out;
}

}  // namespace

SampledRoute sample_route(const MapView& map, double length_m, uint64_t seed, double spacing_m) {
  SampledRoute best;
  if (map.node_count() == 0) return best;
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<uint32_t> pick(0, map.node_count() - 1);
  for (int attempt = 0; attempt < 8; ++attempt) {
    SampledRoute route = shortest_path_of_length(map, pick(rng), length_m);
    if (std::abs(route.length_m - length_m) < std::abs(best.length_m - length_m)) best = std::move(route);
    if (best.length_m > 0.95 * length_m) break;
  }
  best.points = resample(best.points, spacing_m);
  return best;
}

}  // namespace drivelog::tools::map
