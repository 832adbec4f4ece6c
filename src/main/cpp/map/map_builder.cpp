#include "map/map_builder.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include "map/file_writer.hpp"
#include "map/geo.hpp"
#include "map/hilbert.hpp"
#include "map/map_format.hpp"
#include "map/map_view.hpp"
#include "map/road_importance.hpp"
#include "map/spatial_grid.hpp"

namespace drivelog::map {
namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

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

template <typename T>
void release(std::vector<T>& v) {
  std::vector<T>().swap(v);
}

}  // namespace

struct MapBuilder::Impl {
  std::vector<NodeInput> nodes;
  std::vector<int64_t> refs;
  std::vector<StoredWay> ways;
  std::vector<StopInput> stops;
  std::vector<RestrictionInput> restrictions;
  std::string strings = std::string(1, '\0');  // offset 0 is the empty string
  std::unordered_map<std::string, uint32_t> string_offsets;
  std::string source;
  bool keep_input_order = false;
  DefaultSpeeds default_speeds{};

  uint32_t intern(const std::string& s) {
    if (s.empty()) return 0;
    auto [it, inserted] = string_offsets.try_emplace(s, static_cast<uint32_t>(strings.size()));
    if (inserted) {
      if (strings.size() + s.size() + 1 > std::numeric_limits<uint32_t>::max()) {
        throw MapError("map string table exceeds 4 GiB");
      }
      strings.append(s);
      strings.push_back('\0');
    }
    return it->second;
  }

  BuildStats write(const std::string& path);
};

MapBuilder::MapBuilder() : impl_(std::make_unique<Impl>()) {}
MapBuilder::~MapBuilder() = default;

void MapBuilder::add_node(int64_t osm_id, Coord position) { impl_->nodes.push_back({osm_id, position}); }

void MapBuilder::add_way(WayInput way) {
  StoredWay stored;
  stored.osm_id = way.osm_id;
  stored.ref_begin = impl_->refs.size();
  stored.ref_count = static_cast<uint32_t>(way.node_ids.size());
  stored.name = impl_->intern(way.name);
  stored.flags = way.flags;
  stored.maxspeed_forward = way.maxspeed_forward;
  stored.maxspeed_backward = way.maxspeed_backward;
  stored.road_class = way.road_class;
  stored.speed_source = way.speed_source;
  impl_->refs.insert(impl_->refs.end(), way.node_ids.begin(), way.node_ids.end());
  impl_->ways.push_back(stored);
}

void MapBuilder::add_stop(StopInput stop) { impl_->stops.push_back(stop); }
void MapBuilder::add_restriction(RestrictionInput restriction) { impl_->restrictions.push_back(std::move(restriction)); }
void MapBuilder::set_source(std::string source) { impl_->source = std::move(source); }
void MapBuilder::set_keep_input_order(bool keep) { impl_->keep_input_order = keep; }
void MapBuilder::set_default_speeds(const DefaultSpeeds& speeds) { impl_->default_speeds = speeds; }

BuildStats MapBuilder::write(const std::string& path) { return impl_->write(path); }

BuildStats MapBuilder::Impl::write(const std::string& path) {
  BuildStats stats;

  // 1. Nodes by OSM id (PBF files already are), first one wins on duplicates.
  const auto by_id = [](const NodeInput& a, const NodeInput& b) { return a.id < b.id; };
  if (!std::is_sorted(nodes.begin(), nodes.end(), by_id)) std::stable_sort(nodes.begin(), nodes.end(), by_id);
  nodes.erase(std::unique(nodes.begin(), nodes.end(), [](const NodeInput& a, const NodeInput& b) { return a.id == b.id; }),
              nodes.end());
  if (nodes.size() >= kNone) throw MapError("too many nodes for one map file: " + std::to_string(nodes.size()));
  const auto node_index = [&](int64_t id) -> uint32_t {
    auto it = std::lower_bound(nodes.begin(), nodes.end(), id, [](const NodeInput& n, int64_t v) { return n.id < v; });
    return (it != nodes.end() && it->id == id) ? static_cast<uint32_t>(it - nodes.begin()) : kNone;
  };

  // 2. Way references to node indexes, dropping unknown nodes and repeated consecutive nodes.
  std::vector<uint32_t> way_refs;
  way_refs.reserve(refs.size());
  for (StoredWay& way : ways) {
    const uint64_t begin = way_refs.size();
    for (uint64_t i = way.ref_begin; i < way.ref_begin + way.ref_count; ++i) {
      const uint32_t n = node_index(refs[i]);
      if (n == kNone) {
        ++stats.missing_node_refs;
      } else if (way_refs.size() == begin || way_refs.back() != n) {
        way_refs.push_back(n);
      }
    }
    way.ref_begin = begin;
    way.ref_count = static_cast<uint32_t>(way_refs.size() - begin);
    if (way.ref_count < 2) {
      way_refs.resize(begin);
      way.ref_count = 0;
      ++stats.ways_dropped;
    }
  }
  release(refs);
  if (stats.missing_node_refs > 0) stats.problems["way node reference without node (extract boundary)"] = stats.missing_node_refs;
  if (stats.ways_dropped > 0) stats.problems["way with fewer than two known nodes"] = stats.ways_dropped;

  // 3. Graph nodes: way ends, nodes used more than once (junctions), stop-sign nodes on roads.
  std::vector<uint8_t> uses(nodes.size(), 0);
  for (const StoredWay& way : ways) {
    if (way.ref_count == 0) continue;
    for (uint64_t i = way.ref_begin; i < way.ref_begin + way.ref_count; ++i) {
      uint8_t& u = uses[way_refs[i]];
      if (u < 2) ++u;
    }
    uses[way_refs[way.ref_begin]] = 2;
    uses[way_refs[way.ref_begin + way.ref_count - 1]] = 2;
  }
  std::vector<uint32_t> stop_nodes(stops.size(), kNone);
  for (std::size_t i = 0; i < stops.size(); ++i) {
    const uint32_t n = node_index(stops[i].osm_node_id);
    if (n != kNone && uses[n] > 0) {
      uses[n] = 2;
      stop_nodes[i] = n;
    }
  }

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

  std::vector<uint32_t> graph_nodes;  // graph order -> node index
  for (uint32_t i = 0; i < nodes.size(); ++i) {
    if (uses[i] >= 2) graph_nodes.push_back(i);
  }
  release(uses);
  if (!keep_input_order) {
    std::vector<std::pair<uint32_t, uint32_t>> keyed(graph_nodes.size());
    for (std::size_t i = 0; i < graph_nodes.size(); ++i) {
      keyed[i] = {hilbert_key(nodes[graph_nodes[i]].position, bbox), graph_nodes[i]};
    }
    std::sort(keyed.begin(), keyed.end());
    for (std::size_t i = 0; i < keyed.size(); ++i) graph_nodes[i] = keyed[i].second;
  }
  std::vector<uint32_t> node_to_graph(nodes.size(), kNone);
  for (uint32_t g = 0; g < graph_nodes.size(); ++g) node_to_graph[graph_nodes[g]] = g;

  // 4. Edges: split each way at its graph nodes.
  std::vector<PendingEdge> edges;
  for (uint32_t w = 0; w < ways.size(); ++w) {
    const StoredWay& way = ways[w];
    if (way.ref_count == 0) continue;
    uint64_t start = way.ref_begin;
    for (uint64_t i = way.ref_begin + 1; i < way.ref_begin + way.ref_count; ++i) {
      const uint32_t g = node_to_graph[way_refs[i]];
      if (g == kNone) continue;
      PendingEdge e;
      e.ref_begin = start;
      e.ref_count = static_cast<uint32_t>(i - start + 1);
      e.way = w;
      e.from = node_to_graph[way_refs[start]];
      e.to = g;
      e.key = hilbert_key(nodes[way_refs[start + (i - start) / 2]].position, bbox);
      edges.push_back(e);
      start = i;
    }
  }
  if (edges.size() >= (kNone >> 1)) throw MapError("too many edges for one map file: " + std::to_string(edges.size()));
  if (!keep_input_order) {
    std::sort(edges.begin(), edges.end(), [](const PendingEdge& a, const PendingEdge& b) {
      if (a.key != b.key) return a.key < b.key;
      if (a.way != b.way) return a.way < b.way;
      return a.ref_begin < b.ref_begin;
    });
  }
  const auto node_count = static_cast<uint32_t>(graph_nodes.size());
  const auto edge_count = static_cast<uint32_t>(edges.size());

  // 5. Adjacency (CSR), each node's list in edge order.
  std::vector<uint32_t> adjacency_offsets(node_count + 1, 0);
  for (const PendingEdge& e : edges) {
    ++adjacency_offsets[e.from + 1];
    ++adjacency_offsets[e.to + 1];
  }
  std::partial_sum(adjacency_offsets.begin(), adjacency_offsets.end(), adjacency_offsets.begin());
  std::vector<AdjacentEdge> adjacency(adjacency_offsets.back());
  {
    std::vector<uint32_t> fill(adjacency_offsets.begin(), adjacency_offsets.end() - 1);
    for (uint32_t i = 0; i < edge_count; ++i) {
      adjacency[fill[edges[i].from]++] = AdjacentEdge{i << 1};
      adjacency[fill[edges[i].to]++] = AdjacentEdge{(i << 1) | 1u};
    }
  }

  // 6. Edge records.
  std::vector<EdgeRecord> records(edge_count);
  uint64_t shape_points = 0;
  uint64_t oneway_edges = 0, speed_limited_edges = 0;
  double road_m = 0;
  for (uint32_t i = 0; i < edge_count; ++i) {
    const PendingEdge& e = edges[i];
    const StoredWay& way = ways[e.way];
    EdgeRecord& r = records[i];
    r.from_node = e.from;
    r.to_node = e.to;
    r.osm_way_id = way.osm_id;
    r.name = way.name;
    double length = 0;
    for (uint64_t k = e.ref_begin + 1; k < e.ref_begin + e.ref_count; ++k) {
      length += geo::distance_m(nodes[way_refs[k - 1]].position, nodes[way_refs[k]].position);
    }
    r.length_m = static_cast<float>(length);
    road_m += length;
    r.flags = way.flags;
    r.road_class = way.road_class;
    r.maxspeed_forward = way.maxspeed_forward;
    r.maxspeed_backward = way.maxspeed_backward;
    r.speed_source = way.speed_source;
    if (r.speed_source == SpeedSource::none) {
      const uint16_t fallback = default_speeds[static_cast<std::size_t>(way.road_class)];
      if (fallback != kSpeedUnknown) {
        r.maxspeed_forward = fallback;
        r.maxspeed_backward = fallback;
        r.speed_source = SpeedSource::country_default;
      }
    }
    if (r.oneway()) ++oneway_edges;
    const bool tagged = r.speed_source == SpeedSource::explicit_tag || r.speed_source == SpeedSource::implicit_zone;
    if (tagged && (r.maxspeed_forward != kSpeedUnknown || r.maxspeed_backward != kSpeedUnknown)) ++speed_limited_edges;
    shape_points += e.ref_count;
  }
  if (shape_points >= kNone) throw MapError("too many shape points for one map file: " + std::to_string(shape_points));

  // 7. Stop signs, one per governed approach.
  std::vector<StopSign> stop_signs;
  uint64_t stops_off_road = 0, stops_without_approach = 0;
  for (std::size_t i = 0; i < stops.size(); ++i) {
    const uint32_t g = stop_nodes[i] == kNone ? kNone : node_to_graph[stop_nodes[i]];
    if (g == kNone) {
      ++stops_off_road;
      continue;
    }
    const auto adj = std::span(adjacency).subspan(adjacency_offsets[g], adjacency_offsets[g + 1] - adjacency_offsets[g]);
    int best = std::numeric_limits<int>::max(), worst = std::numeric_limits<int>::min();
    for (const AdjacentEdge a : adj) {
      const int rank = road_importance(records[a.edge()].road_class);
      best = std::min(best, rank);
      worst = std::max(worst, rank);
    }
    const std::size_t before = stop_signs.size();
    for (const AdjacentEdge a : adj) {
      const EdgeRecord& r = records[a.edge()];
      // Traffic approaching the node on this edge moves forward if the node is the edge's to_node.
      const bool approach_forward = a.reversed();
      const bool legal = r.has(approach_forward ? edge_flags::kForwardAllowed : edge_flags::kBackwardAllowed);
      if (!legal) continue;
      bool applies = false;
      switch (stops[i].direction) {
        case StopDirection::forward: applies = approach_forward; break;
        case StopDirection::backward: applies = !approach_forward; break;
        case StopDirection::all: applies = best == worst || road_importance(r.road_class) > best; break;
        case StopDirection::all_way: applies = true; break;
      }
      if (applies) stop_signs.push_back(StopSign{a.edge(), g, stops[i].osm_node_id});
    }
    if (stop_signs.size() == before) {
      ++stops_without_approach;
    } else {
      ++stats.stop_signs;
    }
  }
  stats.stops_dropped = stops_off_road + stops_without_approach;
  if (stops_off_road > 0) stats.problems["stop sign not on a kept road"] = stops_off_road;
  if (stops_without_approach > 0) stats.problems["stop sign with no legal approach in its direction"] = stops_without_approach;
  std::sort(stop_signs.begin(), stop_signs.end(), [](const StopSign& a, const StopSign& b) {
    return a.edge != b.edge ? a.edge < b.edge : a.node < b.node;
  });
  stop_signs.erase(std::unique(stop_signs.begin(), stop_signs.end(),
                               [](const StopSign& a, const StopSign& b) { return a.edge == b.edge && a.node == b.node; }),
                   stop_signs.end());

  // 8. Turn restrictions, from/to ways resolved to the edges touching the via node.
  std::vector<TurnRestriction> turn_restrictions;
  for (const RestrictionInput& in : restrictions) {
    const auto drop = [&](const char* why) {
      ++stats.restrictions_dropped;
      stats.problems[why]++;
    };
    if (!in.via_ways.empty()) {
      drop("restriction via way (not supported)");
      continue;
    }
    const uint32_t n = node_index(in.via_node);
    const uint32_t g = n == kNone ? kNone : node_to_graph[n];
    if (g == kNone) {
      drop("restriction via node not a junction of kept roads");
      continue;
    }
    std::vector<uint32_t> from_edges, to_edges;
    for (uint32_t k = adjacency_offsets[g]; k < adjacency_offsets[g + 1]; ++k) {
      const uint32_t e = adjacency[k].edge();
      if (records[e].osm_way_id == in.from_way) from_edges.push_back(e);
      if (records[e].osm_way_id == in.to_way) to_edges.push_back(e);
    }
    if (from_edges.empty() || to_edges.empty()) {
      drop("restriction from/to way not at its via node");
      continue;
    }
    const std::size_t before = turn_restrictions.size();
    for (uint32_t f : from_edges) {
      for (uint32_t t : to_edges) {
        // On one way through the via node, only the turn back onto the same edge is a U-turn.
        if (in.from_way == in.to_way && f != t) continue;
        TurnRestriction tr;
        tr.from_edge = f;
        tr.via_node = g;
        tr.to_edge = t;
        tr.kind = in.kind;
        tr.osm_relation_id = in.osm_relation_id;
        turn_restrictions.push_back(tr);
      }
    }
    if (turn_restrictions.size() > before) ++stats.turn_restrictions;
  }
  std::sort(turn_restrictions.begin(), turn_restrictions.end(), [](const TurnRestriction& a, const TurnRestriction& b) {
    return std::tie(a.from_edge, a.via_node, a.to_edge, a.osm_relation_id) <
           std::tie(b.from_edge, b.via_node, b.to_edge, b.osm_relation_id);
  });

  // 9. Spatial grid: count the cells each segment touches, then fill (CSR).
  const format::GridGeometry grid = choose_grid(bbox, shape_points);
  const uint64_t cell_count = static_cast<uint64_t>(grid.rows) * grid.cols;
  std::vector<uint32_t> cell_offsets(cell_count + 1, 0);
  const auto for_each_segment_cell = [&](auto&& visit) {
    for (uint32_t i = 0; i < edge_count; ++i) {
      const PendingEdge& e = edges[i];
      for (uint32_t s = 0; s + 1 < e.ref_count; ++s) {
        const Coord a = nodes[way_refs[e.ref_begin + s]].position;
        const Coord b = nodes[way_refs[e.ref_begin + s + 1]].position;
        bool empty = false;
        const CellRange range = cells_covering(grid, std::min(a.lat_e7, b.lat_e7), std::max(a.lat_e7, b.lat_e7),
                                               std::min(a.lon_e7, b.lon_e7), std::max(a.lon_e7, b.lon_e7), empty);
        if (empty) continue;
        const bool single = range.row_min == range.row_max && range.col_min == range.col_max;
        for (uint32_t row = range.row_min; row <= range.row_max; ++row) {
          for (uint32_t col = range.col_min; col <= range.col_max; ++col) {
            if (single || segment_touches_cell(grid, a, b, row, col)) visit(cell_index(grid, row, col), i, s);
          }
        }
      }
    }
  };
  for_each_segment_cell([&](uint64_t cell, uint32_t, uint32_t) { ++cell_offsets[cell + 1]; });
  uint64_t total_refs = 0;
  for (uint64_t c = 1; c <= cell_count; ++c) {
    total_refs += cell_offsets[c];
    if (total_refs >= kNone) throw MapError("spatial grid too large for one map file");
    cell_offsets[c] = static_cast<uint32_t>(total_refs);
  }
  std::vector<SegmentRef> grid_segments(total_refs);
  {
    std::vector<uint32_t> fill(cell_offsets.begin(), cell_offsets.end() - 1);
    for_each_segment_cell([&](uint64_t cell, uint32_t edge, uint32_t segment) {
      grid_segments[fill[cell]++] = SegmentRef{edge, segment};
    });
  }

  // 10. Write the sections, then the header.
  FileWriter out(path);
  format::FileHeader header;
  out.write_value(header);  // placeholder, rewritten by finish()
  uint32_t section = 0;
  const auto end_section = [&] { header.sections[section++] = out.end_section(); };

  out.begin_section(format::SectionId::nodes);
  for (uint32_t n : graph_nodes) out.write_value(nodes[n].position);
  end_section();
  out.begin_section(format::SectionId::node_osm_ids);
  for (uint32_t n : graph_nodes) out.write_value(nodes[n].id);
  end_section();
  out.begin_section(format::SectionId::adjacency_offsets);
  out.write_span(std::span<const uint32_t>(adjacency_offsets));
  end_section();
  out.begin_section(format::SectionId::adjacency);
  out.write_span(std::span<const AdjacentEdge>(adjacency));
  end_section();
  out.begin_section(format::SectionId::edges);
  out.write_span(std::span<const EdgeRecord>(records));
  end_section();
  out.begin_section(format::SectionId::shape_offsets);
  {
    uint32_t offset = 0;
    out.write_value(offset);
    for (const PendingEdge& e : edges) {
      offset += e.ref_count;
      out.write_value(offset);
    }
  }
  end_section();
  out.begin_section(format::SectionId::shape_points);
  for (const PendingEdge& e : edges) {
    for (uint64_t k = e.ref_begin; k < e.ref_begin + e.ref_count; ++k) out.write_value(nodes[way_refs[k]].position);
  }
  end_section();
  out.begin_section(format::SectionId::stop_signs);
  out.write_span(std::span<const StopSign>(stop_signs));
  end_section();
  out.begin_section(format::SectionId::restrictions);
  out.write_span(std::span<const TurnRestriction>(turn_restrictions));
  end_section();
  out.begin_section(format::SectionId::grid_cells);
  out.write_span(std::span<const uint32_t>(cell_offsets));
  end_section();
  out.begin_section(format::SectionId::grid_segments);
  out.write_span(std::span<const SegmentRef>(grid_segments));
  end_section();
  out.begin_section(format::SectionId::strings);
  out.write(strings.data(), strings.size());
  end_section();

  header.header_size = sizeof(format::FileHeader);
  header.file_size = out.position();
  header.flags = keep_input_order ? 0u : format::kFlagHilbertOrdered;
  header.section_count = section;
  header.node_count = node_count;
  header.edge_count = edge_count;
  header.shape_point_count = shape_points;
  header.stop_sign_count = stop_signs.size();
  header.restriction_count = turn_restrictions.size();
  header.grid_segment_count = grid_segments.size();
  header.oneway_edges = oneway_edges;
  header.speed_limited_edges = speed_limited_edges;
  header.bbox = bbox;
  header.grid = grid;
  std::memcpy(header.source.data(), source.data(), std::min(source.size(), header.source.size() - 1));
  header.header_crc32 = format::header_checksum(header);
  out.finish(header);

  stats.nodes = node_count;
  stats.edges = edge_count;
  stats.bytes = header.file_size;
  stats.shape_points = shape_points;
  stats.grid_segments = grid_segments.size();
  stats.road_km = road_m / 1000.0;
  return stats;
}

}  // namespace drivelog::map
