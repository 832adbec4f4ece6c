#include "map/restriction_resolution.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <tuple>

namespace drivelog::map::build {
namespace {

struct ViaPath {
  uint32_t from_edge = 0;
  std::vector<uint32_t> via_edges;
  uint32_t to_edge = 0;
};

// The node an edge leads to when entered at `at`.
uint32_t other_end(const EdgeRecord& r, uint32_t at) { return r.from_node == at ? r.to_node : r.from_node; }

bool is_via(std::span<const int64_t> via_ways, int64_t way) {
  return std::find(via_ways.begin(), via_ways.end(), way) != via_ways.end();
}

// Depth-first along edges of the via ways from `node`, never reusing an edge, until a node where an
// edge of the to way leaves and every via way has been used.
bool extend(const RoadGraph& g, const RestrictionInput& in, uint32_t node, ViaPath& path) {
  constexpr std::size_t kMaxViaEdges = 64;
  if (!path.via_edges.empty()) {
    const bool all_used = std::all_of(in.via_ways.begin(), in.via_ways.end(), [&](int64_t w) {
      return std::any_of(path.via_edges.begin(), path.via_edges.end(), [&](uint32_t e) { return g.records[e].osm_way_id == w; });
    });
    if (all_used) {
      for (const AdjacentEdge a : g.adjacent(node)) {
        if (g.records[a.edge()].osm_way_id == in.to_way && a.edge() != path.via_edges.back()) {
          path.to_edge = a.edge();
          return true;
        }
      }
    }
  }
  if (path.via_edges.size() >= kMaxViaEdges) return false;
  for (const AdjacentEdge a : g.adjacent(node)) {
    const uint32_t e = a.edge();
    if (!is_via(in.via_ways, g.records[e].osm_way_id)) continue;
    if (std::find(path.via_edges.begin(), path.via_edges.end(), e) != path.via_edges.end()) continue;
    path.via_edges.push_back(e);
    if (extend(g, in, other_end(g.records[e], node), path)) return true;
    path.via_edges.pop_back();
  }
  return false;
}

// The edges of the from ways of all via-way restrictions, found in one pass over the edges.
class FromWayEdges {
 public:
  FromWayEdges(const RoadGraph& g, std::span<const RestrictionInput> restrictions) {
    std::vector<int64_t> ways;
    for (const RestrictionInput& in : restrictions) {
      if (!in.via_ways.empty()) ways.push_back(in.from_way);
    }
    std::sort(ways.begin(), ways.end());
    if (ways.empty()) return;
    for (uint32_t e = 0; e < g.records.size(); ++e) {
      if (std::binary_search(ways.begin(), ways.end(), g.records[e].osm_way_id)) edges_.emplace_back(g.records[e].osm_way_id, e);
    }
    std::sort(edges_.begin(), edges_.end());
  }
  [[nodiscard]] std::span<const std::pair<int64_t, uint32_t>> of(int64_t way) const {
    const auto lo = std::lower_bound(edges_.begin(), edges_.end(), std::pair<int64_t, uint32_t>{way, 0});
    const auto hi = std::upper_bound(lo, edges_.end(), std::pair<int64_t, uint32_t>{way, UINT32_MAX});
    return {lo, hi};
  }

 private:
  std::vector<std::pair<int64_t, uint32_t>> edges_;
};

std::optional<ViaPath> find_via_path(const RoadGraph& g, const FromWayEdges& from_way_edges, const RestrictionInput& in) {
  // Start where an edge of the from way touches an edge of a via way.
  for (const auto& way_edge : from_way_edges.of(in.from_way)) {
    const uint32_t e = way_edge.second;  // a plain variable: clang 14 cannot capture a structured binding
    for (const uint32_t end : {g.records[e].from_node, g.records[e].to_node}) {
      const auto adj = g.adjacent(end);
      const bool meets_via = std::any_of(adj.begin(), adj.end(), [&](AdjacentEdge a) {
        return a.edge() != e && is_via(in.via_ways, g.records[a.edge()].osm_way_id);
      });
      if (!meets_via) continue;
      ViaPath path;
      path.from_edge = e;
      if (extend(g, in, end, path)) return path;
    }
  }
  return std::nullopt;
}

}  // namespace

ResolvedRestrictions resolve_restrictions(const RoadGraph& graph, std::span<const RestrictionInput> restrictions,
                                          BuildStats& stats) {
  ResolvedRestrictions out;
  std::vector<uint32_t> from_edges, to_edges;
  const auto drop = [&](const char* why) {
    ++stats.restrictions_dropped;
    stats.problems[why]++;
  };
  const auto in_map = [&](const RestrictionInput& in) {
    return graph.has_way(in.from_way) && graph.has_way(in.to_way) &&
           std::all_of(in.via_ways.begin(), in.via_ways.end(), [&](int64_t w) { return graph.has_way(w); });
  };
  std::vector<std::pair<ViaWayRestriction, std::vector<uint32_t>>> via_way;
  const FromWayEdges from_way_edges(graph, restrictions);
  for (const RestrictionInput& in : restrictions) {
    if (!in.via_ways.empty()) {
      if (!in_map(in)) {
        drop("restriction from/to way not in the map (not a road for cars, or outside the extract)");
        continue;
      }
      std::optional<ViaPath> path = find_via_path(graph, from_way_edges, in);
      if (!path) {
        drop("restriction via ways do not connect its from and to ways");
        continue;
      }
      ViaWayRestriction r;
      r.from_edge = path->from_edge;
      r.to_edge = path->to_edge;
      r.kind = in.kind;
      r.flags = in.flags;
      r.vehicles = in.vehicles;
      r.osm_relation_id = in.osm_relation_id;
      via_way.emplace_back(r, std::move(path->via_edges));
      ++stats.turn_restrictions;
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
      drop(in_map(in) ? "restriction from/to way does not touch its via node"
                      : "restriction from/to way not in the map (not a road for cars, or outside the extract)");
      continue;
    }
    const std::size_t before = out.via_node.size();
    for (const uint32_t f : from_edges) {
      for (const uint32_t t : to_edges) {
        // On one way through the via node, only the turn back onto the same edge is a U-turn.
        if (in.from_way == in.to_way && f != t) continue;
        TurnRestriction r;
        r.from_edge = f;
        r.via_node = via;
        r.to_edge = t;
        r.kind = in.kind;
        r.flags = in.flags;
        r.vehicles = in.vehicles;
        r.osm_relation_id = in.osm_relation_id;
        out.via_node.push_back(r);
      }
    }
    if (out.via_node.size() > before) ++stats.turn_restrictions;
  }
  std::sort(out.via_node.begin(), out.via_node.end(), [](const TurnRestriction& a, const TurnRestriction& b) {
    return std::tie(a.from_edge, a.via_node, a.to_edge, a.osm_relation_id) <
           std::tie(b.from_edge, b.via_node, b.to_edge, b.osm_relation_id);
  });
  std::sort(via_way.begin(), via_way.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first.from_edge, a.first.to_edge, a.first.osm_relation_id) <
           std::tie(b.first.from_edge, b.first.to_edge, b.first.osm_relation_id);
  });
  for (auto& [r, edges] : via_way) {
    r.via_begin = static_cast<uint32_t>(out.via_edges.size());
    r.via_count = static_cast<uint32_t>(edges.size());
    out.via_edges.insert(out.via_edges.end(), edges.begin(), edges.end());
    out.via_way.push_back(r);
  }
  return out;
}

}  // namespace drivelog::map::build
