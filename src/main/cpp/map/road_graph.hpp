// The builder's working form of the road network between the input and the file: graph nodes,
// edges as runs of way node references, adjacency and edge records. Internal to the map builder.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "map/map_builder.hpp"
#include "map/map_types.hpp"

namespace drivelog::map::build {

inline constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

struct NodeInput {
  int64_t id;
  Coord position;
};

// A way as kept between add_way and write: its node references live in one flat array.
struct StoredWay {
  int64_t osm_id = 0;
  uint64_t ref_begin = 0;
  uint32_t ref_count = 0;
  uint32_t name = 0;
  uint16_t flags = 0;
  uint16_t maxspeed_forward = kSpeedUnknown;
  uint16_t maxspeed_backward = kSpeedUnknown;
  RoadClass road_class = RoadClass::road;
  SpeedSource speed_source = SpeedSource::none;
  SpeedSource backward_speed_source = SpeedSource::none;
  int8_t layer = 0;
  RoadUse use = RoadUse::general;
  uint32_t legal_key = 0;
};

// An edge while the graph is assembled: a run of a way's node references between graph nodes.
struct PendingEdge {
  uint64_t ref_begin = 0;
  uint32_t ref_count = 0;
  uint32_t way = 0;
  uint32_t from = 0;
  uint32_t to = 0;
  uint32_t key = 0;  // Hilbert key of the shape's middle point
};

struct RoadGraph {
  std::span<const NodeInput> nodes;     // every input node, sorted by OSM id (not owned)
  std::span<const uint32_t> way_refs;   // way node references as indexes into nodes (not owned)
  std::vector<uint32_t> graph_nodes;    // graph node -> index into nodes
  std::vector<uint32_t> node_to_graph;  // index into nodes -> graph node, or kNone
  std::vector<PendingEdge> edges;       // in file order
  std::vector<uint32_t> adjacency_offsets;
  std::vector<AdjacentEdge> adjacency;
  std::vector<EdgeRecord> records;      // parallel to edges
  std::vector<int64_t> kept_way_ids;    // OSM ids of the ways that made edges, sorted
  BoundingBox bbox{};
  uint64_t shape_points = 0;
  uint64_t oneway_edges = 0;
  uint64_t speed_limited_edges = 0;
  double road_m = 0;

  [[nodiscard]] Coord shape_point(const PendingEdge& e, uint64_t k) const { return nodes[way_refs[e.ref_begin + k]].position; }
  [[nodiscard]] std::span<const AdjacentEdge> adjacent(uint32_t g) const {
    return std::span(adjacency).subspan(adjacency_offsets[g], adjacency_offsets[g + 1] - adjacency_offsets[g]);
  }
  // The index into nodes of an OSM node id, or kNone.
  [[nodiscard]] uint32_t node_index(int64_t osm_id) const;
  [[nodiscard]] bool has_way(int64_t osm_id) const {
    return std::binary_search(kept_way_ids.begin(), kept_way_ids.end(), osm_id);
  }
  // The graph node of an OSM node id, or kNone if it is not one.
  [[nodiscard]] uint32_t graph_node(int64_t osm_id) const {
    const uint32_t n = node_index(osm_id);
    return n == kNone ? kNone : node_to_graph[n];
  }
};

struct GraphOptions {
  bool keep_input_order = false;
  EdgeSpeedResolver* speed_resolver = nullptr;  // not owned
};

// Makes graph nodes of way ends, junctions and the `split_at` nodes (OSM ids: stop signs and
// signals, which must sit at edge ends) on roads, splits the ways into edges, orders both, and
// fills adjacency and edge records. `ways` must have been resolved to `way_refs` (ways with
// ref_count 0 are skipped).
RoadGraph assemble_road_graph(std::span<const NodeInput> nodes, std::span<const StoredWay> ways,
                              std::span<const uint32_t> way_refs, std::span<const int64_t> split_at,
                              const GraphOptions& options);

}  // namespace drivelog::map::build
