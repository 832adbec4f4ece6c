#include "map/road_graph.hpp"

#include <algorithm>
#include <numeric>

#include "map/geo.hpp"
#include "map/hilbert.hpp"
#include "map/map_view.hpp"

namespace drivelog::map::build {
namespace {

// Which nodes become graph nodes: 0 unused, 1 used once (shape only), 2 graph node.
std::vector<uint8_t> mark_graph_nodes(const RoadGraph& g, std::span<const StoredWay> ways, std::span<const int64_t> split_at) {
  std::vector<uint8_t> uses(g.nodes.size(), 0);
  for (const StoredWay& way : ways) {
    if (way.ref_count == 0) continue;
    for (uint64_t i = way.ref_begin; i < way.ref_begin + way.ref_count; ++i) {
      uint8_t& u = uses[g.way_refs[i]];
      if (u < 2) ++u;
    }
    uses[g.way_refs[way.ref_begin]] = 2;
    uses[g.way_refs[way.ref_begin + way.ref_count - 1]] = 2;
  }
  // A stop sign or a signal on a road splits it, so that it sits at an edge end.
  for (const int64_t id : split_at) {
    const uint32_t n = g.node_index(id);
    if (n != kNone && uses[n] > 0) uses[n] = 2;
  }
  return uses;
}

BoundingBox bounding_box(std::span<const NodeInput> nodes, const std::vector<uint8_t>& uses) {
  BoundingBox bbox{};
  bool any = false;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    if (uses[i] == 0) continue;
    const Coord c = nodes[i].position;
    if (!any) {
      bbox = {c, c};
      any = true;
    }
    bbox.min.lat_e7 = std::min(bbox.min.lat_e7, c.lat_e7);
    bbox.min.lon_e7 = std::min(bbox.min.lon_e7, c.lon_e7);
    bbox.max.lat_e7 = std::max(bbox.max.lat_e7, c.lat_e7);
    bbox.max.lon_e7 = std::max(bbox.max.lon_e7, c.lon_e7);
  }
  return bbox;
}

void order_graph_nodes(RoadGraph& g, const std::vector<uint8_t>& uses, bool keep_input_order) {
  for (uint32_t i = 0; i < g.nodes.size(); ++i) {
    if (uses[i] >= 2) g.graph_nodes.push_back(i);
  }
  if (!keep_input_order) {
    std::vector<std::pair<uint32_t, uint32_t>> keyed(g.graph_nodes.size());
    for (std::size_t i = 0; i < g.graph_nodes.size(); ++i) {
      keyed[i] = {hilbert_key(g.nodes[g.graph_nodes[i]].position, g.bbox), g.graph_nodes[i]};
    }
    std::sort(keyed.begin(), keyed.end());
    for (std::size_t i = 0; i < keyed.size(); ++i) g.graph_nodes[i] = keyed[i].second;
  }
  g.node_to_graph.assign(g.nodes.size(), kNone);
  for (uint32_t n = 0; n < g.graph_nodes.size(); ++n) g.node_to_graph[g.graph_nodes[n]] = n;
}

void split_ways(RoadGraph& g, std::span<const StoredWay> ways, bool keep_input_order) {
  for (uint32_t w = 0; w < ways.size(); ++w) {
    const StoredWay& way = ways[w];
    if (way.ref_count == 0) continue;
    uint64_t start = way.ref_begin;
    for (uint64_t i = way.ref_begin + 1; i < way.ref_begin + way.ref_count; ++i) {
      const uint32_t to = g.node_to_graph[g.way_refs[i]];
      if (to == kNone) continue;
      PendingEdge e;
      e.ref_begin = start;
      e.ref_count = static_cast<uint32_t>(i - start + 1);
      e.way = w;
      e.from = g.node_to_graph[g.way_refs[start]];
      e.to = to;
      e.key = hilbert_key(g.nodes[g.way_refs[start + (i - start) / 2]].position, g.bbox);
      g.edges.push_back(e);
      start = i;
    }
  }
  if (g.edges.size() >= (kNone >> 1)) throw MapError("too many edges for one map file: " + std::to_string(g.edges.size()));
  if (!keep_input_order) {
    std::sort(g.edges.begin(), g.edges.end(), [](const PendingEdge& a, const PendingEdge& b) {
      if (a.key != b.key) return a.key < b.key;
      if (a.way != b.way) return a.way < b.way;
      return a.ref_begin < b.ref_begin;
    });
  }
}

// CSR adjacency; each node's list in edge order.
void build_adjacency(RoadGraph& g) {
  g.adjacency_offsets.assign(g.graph_nodes.size() + 1, 0);
  for (const PendingEdge& e : g.edges) {
    ++g.adjacency_offsets[e.from + 1];
    ++g.adjacency_offsets[e.to + 1];
  }
  std::partial_sum(g.adjacency_offsets.begin(), g.adjacency_offsets.end(), g.adjacency_offsets.begin());
  g.adjacency.resize(g.adjacency_offsets.back());
  std::vector<uint32_t> fill(g.adjacency_offsets.begin(), g.adjacency_offsets.end() - 1);
  for (uint32_t i = 0; i < g.edges.size(); ++i) {
    g.adjacency[fill[g.edges[i].from]++] = AdjacentEdge{i << 1};
    g.adjacency[fill[g.edges[i].to]++] = AdjacentEdge{(i << 1) | 1u};
  }
}

void fill_records(RoadGraph& g, std::span<const StoredWay> ways, EdgeSpeedResolver* resolver) {
  g.records.resize(g.edges.size());
  for (uint32_t i = 0; i < g.edges.size(); ++i) {
    const PendingEdge& e = g.edges[i];
    const StoredWay& way = ways[e.way];
    EdgeRecord& r = g.records[i];
    r.from_node = e.from;
    r.to_node = e.to;
    r.osm_way_id = way.osm_id;
    r.name = way.name;
    double length = 0;
    for (uint32_t k = 1; k < e.ref_count; ++k) length += geo::distance_m(g.shape_point(e, k - 1), g.shape_point(e, k));
    r.length_m = static_cast<float>(length);
    g.road_m += length;
    r.flags = way.flags;
    r.road_class = way.road_class;
    r.maxspeed_forward = way.maxspeed_forward;
    r.maxspeed_backward = way.maxspeed_backward;
    r.set_sources(way.speed_source, way.backward_speed_source);
    r.layer = way.layer;
    r.use = way.use;
    if (resolver != nullptr) resolver->resolve(way.legal_key, g.shape_point(e, e.ref_count / 2), r);
    if (r.oneway()) ++g.oneway_edges;
    const auto tagged = [&](bool forward) {
      const SpeedSource s = r.source(forward);
      return (s == SpeedSource::explicit_tag || s == SpeedSource::implicit_zone) && r.maxspeed(forward) != kSpeedUnknown;
    };
    if (tagged(true) || tagged(false)) ++g.speed_limited_edges;
    g.shape_points += e.ref_count;
  }
  if (g.shape_points >= kNone) throw MapError("too many shape points for one map file: " + std::to_string(g.shape_points));
}

}  // namespace

uint32_t RoadGraph::node_index(int64_t osm_id) const {
  const auto it = std::lower_bound(nodes.begin(), nodes.end(), osm_id, [](const NodeInput& n, int64_t v) { return n.id < v; });
  return (it != nodes.end() && it->id == osm_id) ? static_cast<uint32_t>(it - nodes.begin()) : kNone;
}

RoadGraph assemble_road_graph(std::span<const NodeInput> nodes, std::span<const StoredWay> ways,
                              std::span<const uint32_t> way_refs, std::span<const int64_t> split_at,
                              const GraphOptions& options) {
  RoadGraph g;
  g.nodes = nodes;
  g.way_refs = way_refs;
  {
    const std::vector<uint8_t> uses = mark_graph_nodes(g, ways, split_at);
    g.bbox = bounding_box(nodes, uses);
    order_graph_nodes(g, uses, options.keep_input_order);
  }
  split_ways(g, ways, options.keep_input_order);
  for (const StoredWay& way : ways) {
    if (way.ref_count > 0) g.kept_way_ids.push_back(way.osm_id);
  }
  std::sort(g.kept_way_ids.begin(), g.kept_way_ids.end());
  build_adjacency(g);
  fill_records(g, ways, options.speed_resolver);
  return g;
}

}  // namespace drivelog::map::build
